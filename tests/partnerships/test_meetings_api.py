"""Meetings through the API: date-range filters (meetings' and milestones'), the meeting,
attendance and decision rules as field errors, and meeting papers: public papers of public
meetings only."""

import datetime

import pytest

from partnerships.models import Attendance, Decision
from tests import factories
from tests.helpers.api import assert_refused, results, slugs

D = datetime.date

pytestmark = pytest.mark.django_db


def test_meetings_and_milestones_filter_by_date_range(api):
    january = factories.MeetingFactory(date=D(2023, 1, 12))
    factories.MeetingFactory(date=D(2023, 3, 9))
    got = slugs(api.get("/api/v1/meetings/?date_after=2023-01-01&date_before=2023-01-31"))
    assert got == [january.slug]
    april = factories.MilestoneFactory(date=D(2023, 4, 1))
    factories.MilestoneFactory(date=D(2022, 7, 1))
    assert slugs(api.get("/api/v1/milestones/?date_after=2023-01-01")) == [april.slug]


def test_meeting_rules_and_attendance_rules_are_field_errors(api_world, as_role):
    client = as_role("secretariat")
    response = client.patch(
        f"/api/v1/meetings/{api_world.own.meeting.slug}/", {"date_end": "2000-01-01"}, format="json"
    )
    assert response.status_code == 400
    assert "date_end" in response.json()["errors"]
    response = client.patch(
        f"/api/v1/attendance/{api_world.own.attendance.pk}/",
        {"status": "substitute"},
        format="json",
    )
    assert_refused(response, "deputy", "Name the substitute or deputy")
    response = client.post(
        "/api/v1/decisions/",
        {"meeting": api_world.own.meeting.slug, "order": 1, "text": "Same order again."},
        format="json",
    )
    assert response.status_code == 400
    assert Decision.objects.filter(meeting=api_world.own.meeting).count() == 1
    assert Attendance.objects.get(pk=api_world.own.attendance.pk).status == "present"


def test_meeting_papers_of_public_meetings_only(api, staff_api):
    meeting = factories.MeetingFactory(slug="icp-2023-01-12")
    paper = factories.MeetingPaperFactory(
        meeting=meeting, title="Integrated care strategy", url="https://example.org/paper.pdf"
    )
    factories.MeetingPaperFactory(meeting=meeting, title="Commercial annex", is_public=False)
    factories.MeetingPaperFactory(meeting__is_public=False, title="Private meeting paper")
    factories.MeetingPaperFactory(meeting__is_published=False, title="Unpublished meeting paper")
    rows = results(api.get("/api/v1/meeting-papers/"))
    assert [r["title"] for r in rows] == ["Integrated care strategy"]
    assert rows[0]["meeting"]["slug"] == "icp-2023-01-12"
    assert rows[0]["board"]["slug"] == meeting.board.slug
    assert rows[0]["document_url"] == "https://example.org/paper.pdf"
    assert rows[0]["url"] == f"http://testserver/api/v1/meeting-papers/{paper.pk}/"
    assert len(results(staff_api.get("/api/v1/meeting-papers/"))) == 4
    assert [
        r["title"] for r in results(api.get("/api/v1/meeting-papers/?meeting=icp-2023-01-12"))
    ] == ["Integrated care strategy"]
    assert api.get("/api/v1/meeting-papers/?board=no-such-board").status_code == 400
