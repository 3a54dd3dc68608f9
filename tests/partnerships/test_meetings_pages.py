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
    assert client.get("/meetings/?system=nope").status_code == 404


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
