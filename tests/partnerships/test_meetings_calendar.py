"""Calendar feeds (partnerships.calendar): a body's and a system's published meetings."""

import datetime

import pytest
from icalendar import Calendar

from icsgov.core.dates import DatePrecision
from tests import factories as f

pytestmark = pytest.mark.django_db


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


def test_an_entry_lists_its_published_papers_and_decisions_only(
    client, django_assert_max_num_queries
):
    board = f.BoardFactory()
    meeting = f.MeetingFactory(board=board, status="held", date=datetime.date(2024, 3, 14))
    f.MeetingPaperFactory(
        meeting=meeting, title="Finance report", url="https://example.org/finance.pdf"
    )
    f.MeetingPaperFactory(meeting=meeting, title="Private annex", is_public=False)
    f.DecisionFactory(meeting=meeting, order=1, text="Approved the budget.", outcome="approved")
    f.DecisionFactory(meeting=meeting, order=2, text="Consider a merger.", outcome="")

    with django_assert_max_num_queries(10) as few:
        cal = parse(client.get(f"/boards/{board.slug}/calendar.ics"))
    [event] = [c for c in cal.walk("VEVENT")]
    text = str(event.get("description"))
    assert "Finance report <https://example.org/finance.pdf>" in text
    assert "Approved the budget. (approved)" in text
    assert "Private annex" not in text and "Consider a merger" not in text
    assert str(event.get("attach")) == "https://example.org/finance.pdf"

    for day in range(1, 4):
        other = f.MeetingFactory(board=board, status="held", date=datetime.date(2024, 5, day))
        f.MeetingPaperFactory(meeting=other, url="https://example.org/x.pdf")
        f.DecisionFactory(meeting=other, outcome="noted")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(f"/boards/{board.slug}/calendar.ics")
