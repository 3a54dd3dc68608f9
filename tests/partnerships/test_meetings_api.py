"""Meetings through the API: date-range filters (meetings' and milestones'), and the meeting,
attendance and decision rules as field errors."""

import datetime

import pytest

from partnerships.models import Attendance, Decision
from tests import factories
from tests.helpers.api import assert_refused, slugs

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
        f"/api/v1/attendance/{api_world.own.attendance.pk}/", {"status": "deputy"}, format="json"
    )
    assert_refused(response, "deputy", "Name the deputy")
    response = client.post(
        "/api/v1/decisions/",
        {"meeting": api_world.own.meeting.slug, "order": 1, "text": "Same order again."},
        format="json",
    )
    assert response.status_code == 400
    assert Decision.objects.filter(meeting=api_world.own.meeting).count() == 1
    assert Attendance.objects.get(pk=api_world.own.attendance.pk).status == "present"
