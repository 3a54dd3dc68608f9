import datetime

import pytest
from icalendar import Calendar

from icsgov.core.dates import DatePrecision
from partnerships.choices import Role
from tests import factories as f

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


# Home ------------------------------------------------------------------------------------------


# Person ----------------------------------------------------------------------------------------


def test_person_page_lists_public_roles_past_and_present_never_contact_details(client):
    person = f.PersonFactory(name="Priya Singh", honorific="Cllr")
    f.MembershipFactory(
        person=person,
        post__label="Local authority member",
        post__board__name="Southampton HWB",
        start_date=datetime.date(2022, 11, 1),
    )
    f.MembershipFactory(
        person=person,
        post__label="Vice-chair seat",
        post__role=Role.VICE_CHAIR,
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2021, 12, 31),
    )
    f.MembershipFactory(person=person, post__label="Hidden seat", is_published=False)

    html = client.get(f"/people/{person.slug}/").content.decode()

    assert "Cllr Priya Singh" in html
    assert "Southampton HWB" in html and "Local authority member" in html
    assert "Vice-chair seat" in html and "31 December 2021" in html
    assert "Hidden seat" not in html
    assert person.email not in html and person.phone not in html


def test_unpublished_person_is_not_found(client):
    person = f.PersonFactory(is_published=False)
    assert client.get(f"/people/{person.slug}/").status_code == 404


# Meetings --------------------------------------------------------------------------------------


def test_meetings_list_shows_upcoming_and_past_published_meetings(client):
    f.MeetingFactory(title="Inaugural ICP meeting", date=datetime.date(2022, 9, 1))
    f.MeetingFactory(title="Next assembly", date=TODAY + datetime.timedelta(days=10))
    f.MeetingFactory(title="Unpublished meeting", is_published=False)
    f.MeetingFactory(title="Synthetic meeting", board__system__is_synthetic=True)

    html = client.get("/meetings/").content.decode()

    assert "Inaugural ICP meeting" in html and "Next assembly" in html
    assert html.index("Next assembly") < html.index("Inaugural ICP meeting")
    assert "Unpublished meeting" not in html and "Synthetic meeting" not in html


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


# Calendar feeds --------------------------------------------------------------------------------


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_board_calendar_feed_holds_its_published_meetings_known_to_the_day(client):
    board = f.BoardFactory(name="HIOW ICP")
    f.MeetingFactory(board=board, title="Inaugural meeting", date=datetime.date(2022, 9, 1))
    f.MeetingFactory(
        board=board,
        title="Evening meeting",
        date=datetime.date(2023, 2, 1),
        starts_at=datetime.time(18, 30),
    )
    f.MeetingFactory(
        board=board,
        title="Sometime in spring",
        date=datetime.date(2023, 4, 1),
        date_precision=DatePrecision.MONTH,
    )
    f.MeetingFactory(board=board, title="Unpublished", is_published=False)

    cal = parse(client.get(f"/boards/{board.slug}/calendar.ics"))

    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {"HIOW ICP: Inaugural meeting", "HIOW ICP: Evening meeting"}
    assert events["HIOW ICP: Inaugural meeting"].decoded("DTSTART") == datetime.date(2022, 9, 1)
    evening = events["HIOW ICP: Evening meeting"].decoded("DTSTART")
    assert (evening.hour, evening.minute) == (18, 30)
    assert "/meetings/" in str(events["HIOW ICP: Inaugural meeting"]["URL"])


def test_system_calendar_feed_holds_every_body_of_the_system(client):
    system = f.SystemFactory(slug="hw")
    f.MeetingFactory(board__system=system, title="ICB meeting")
    f.MeetingFactory(board__system=system, title="HWB meeting")
    f.MeetingFactory(title="Another system's meeting")

    cal = parse(client.get("/systems/hw/calendar.ics"))

    titles = {str(e["SUMMARY"]).split(": ", 1)[1] for e in cal.walk("VEVENT")}
    assert titles == {"ICB meeting", "HWB meeting"}


# Strategy --------------------------------------------------------------------------------------


# Glossary, accessibility, errors ---------------------------------------------------------------


def test_meetings_list_by_system(client):
    system = f.SystemFactory(slug="hw", name="Herefordshire and Worcestershire")
    f.MeetingFactory(board__system=system, title="H&W assembly")
    f.MeetingFactory(title="Elsewhere meeting")

    html = client.get("/meetings/?system=hw").content.decode()

    assert "Meetings in Herefordshire and Worcestershire" in html
    assert "H&amp;W assembly" in html
    assert "Elsewhere meeting" not in html
    assert client.get("/meetings/?system=nope").status_code == 404
