"""Meetings' public pages: the list (upcoming first, by system), and a meeting's purpose, public
papers, attendance and decisions — never a private meeting's papers."""

import datetime

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


TODAY = datetime.date.today()


def test_meetings_list_shows_upcoming_and_past_published_meetings(client):
    f.MeetingFactory(title="Inaugural ICP meeting", date=datetime.date(2022, 9, 1))
    f.MeetingFactory(title="Next assembly", date=TODAY + datetime.timedelta(days=10))
    f.MeetingFactory(title="Unpublished meeting", is_published=False)
    f.MeetingFactory(title="Synthetic meeting", board__system__is_synthetic=True)

    html = client.get("/meetings/").content.decode()

    assert "Inaugural ICP meeting" in html and "Next assembly" in html
    assert html.index("Next assembly") < html.index("Inaugural ICP meeting")
    assert "Unpublished meeting" not in html and "Synthetic meeting" not in html


def test_meetings_list_by_system(client):
    system = f.SystemFactory(slug="hw", name="Herefordshire and Worcestershire")
    f.MeetingFactory(board__system=system, title="H&W assembly")
    f.MeetingFactory(title="Elsewhere meeting")

    html = client.get("/meetings/?system=hw").content.decode()

    assert "Meetings in Herefordshire and Worcestershire" in html
    assert "H&amp;W assembly" in html
    assert "Elsewhere meeting" not in html
    unknown = client.get("/meetings/?system=nope")
    assert unknown.status_code == 400
    assert "Choose a system from the list" in unknown.content.decode()


def test_meeting_page_shows_purpose_public_papers_attendance_and_decisions(client):
    meeting = f.MeetingFactory(title="ICP inaugural meeting", purpose="To agree the ToR.")
    f.MeetingPaperFactory(meeting=meeting, title="Terms of reference paper")
    f.MeetingPaperFactory(meeting=meeting, title="Confidential paper", is_public=False)
    present = f.AttendanceFactory(meeting=meeting, person__name="Attending Person")
    f.AttendanceFactory(meeting=meeting, person__name="Hidden Attendee", person__is_published=False)
    f.DecisionFactory(meeting=meeting, text="Agreed the terms of reference.")

    html = client.get(f"/meetings/{meeting.slug}/").content.decode()

    assert "To agree the ToR." in html
    assert "Terms of reference paper" in html
    assert "Confidential paper" not in html
    assert "Attending Person" in html and present.person.email not in html
    assert "Hidden Attendee" not in html
    assert "Agreed the terms of reference." in html


def test_private_meetings_papers_are_never_shown(client):
    meeting = f.MeetingFactory(is_public=False)
    f.MeetingPaperFactory(meeting=meeting, title="Paper of a private meeting")

    html = client.get(f"/meetings/{meeting.slug}/").content.decode()

    assert "Paper of a private meeting" not in html
    assert "held in private" in html


def test_meetings_filter_by_body_and_show_each_meetings_system(client):
    system = f.SystemFactory(slug="hw", name="Herefordshire and Worcestershire")
    board = f.BoardFactory(system=system, slug="hw-icp", name="H&W ICP")
    f.MeetingFactory(board=board, title="ICP assembly")
    f.MeetingFactory(board__system=system, title="Another body's meeting")

    everything = client.get("/meetings/").content.decode()
    assert ">Herefordshire and Worcestershire</a>" in everything  # the System column

    html = client.get("/meetings/?board=hw-icp").content.decode()
    assert "Meetings of H&amp;W ICP" in html
    assert "ICP assembly" in html and "Another body" not in html


def test_meetings_between_two_dates_typed_in_day_month_and_year_boxes(client):
    f.MeetingFactory(title="January meeting", date=datetime.date(2023, 1, 12))
    f.MeetingFactory(title="March meeting", date=datetime.date(2023, 3, 9))

    html = client.get(
        "/meetings/",
        {
            "from-day": "1",
            "from-month": "1",
            "from-year": "2023",
            "to-day": "31",
            "to-month": "1",
            "to-year": "2023",
        },
    ).content.decode()
    assert "January meeting" in html and "March meeting" not in html
    assert 'name="from-year"' in html and 'value="2023"' in html


def test_a_half_typed_date_is_an_error_that_says_what_is_missing(client):
    response = client.get("/meetings/", {"from-day": "1", "from-month": "", "from-year": "2023"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "From must include a month" in html
    assert "<title>Error:" in html


def test_the_month_view_places_meetings_on_their_days_and_keeps_imprecise_ones_apart(client):
    board = f.BoardFactory(name="ICP", short_name="ICP")
    f.MeetingFactory(
        board=board, title="Assembly", slug="assembly", date=datetime.date(2023, 1, 12)
    )
    f.MeetingFactory(
        board=board, title="Workshop", date=datetime.date(2023, 1, 1), date_precision="month"
    )
    f.MeetingFactory(
        board=board,
        title="Engagement events",
        date=datetime.date(2022, 11, 1),
        date_precision="month_range",
        date_end=datetime.date(2023, 2, 1),
    )
    f.MeetingFactory(board=board, title="February meeting", date=datetime.date(2023, 2, 9))

    response = client.get("/meetings/?month=2023-01")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Meetings, January 2023" in html
    assert "3 meetings in January 2023" in html
    grid = html.split('class="nhsuk-table app-month"', 1)[1].split("</table>", 1)[0]
    assert 'href="/meetings/assembly/">ICP: Assembly</a>' in grid
    assert "Workshop" not in grid and "Engagement events" not in grid
    undated = html.split("Dated only to the month", 1)[1]
    assert "Workshop" in undated and "Engagement events" in undated
    assert "February meeting" not in html
    assert "month=2022-12" in html and "month=2023-02" in html


def test_a_month_that_is_not_one_is_explained(client):
    response = client.get("/meetings/?month=2023-13")
    assert response.status_code == 400
    assert "Enter a month as YYYY-MM" in response.content.decode()


def test_the_month_view_query_count_does_not_grow_with_the_meetings(
    client, django_assert_max_num_queries
):
    board = f.BoardFactory()
    f.MeetingFactory(board=board, date=datetime.date(2023, 1, 12))
    with django_assert_max_num_queries(20) as few:
        client.get("/meetings/?month=2023-01")
    for day in range(1, 28):
        f.MeetingFactory(board=f.BoardFactory(), date=datetime.date(2023, 1, day))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/meetings/?month=2023-01")


def test_the_meeting_page_lists_its_declarations_of_interest_against_the_item(client, db):
    from tests import factories as ff

    meeting = ff.MeetingFactory(status="held", slug="declared")
    item = ff.AgendaItemFactory(meeting=meeting, number="5", title="Capital bids")
    ff.MeetingDeclarationFactory(
        meeting=meeting,
        agenda_item=item,
        person=ff.PersonFactory(name="Dee Clarer"),
        description="Trustee of a bidder.",
        action="left_the_room",
    )
    ff.MeetingDeclarationFactory(
        meeting=meeting, person=ff.PersonFactory(name="Hidden Person"), is_published=False
    )
    html = client.get("/meetings/declared/").content.decode()
    assert (
        "Dee Clarer" in html
        and "on item 5, Capital bids: Trustee of a bidder. (left the room for the item)" in html
    )
    assert "Hidden Person" not in html
