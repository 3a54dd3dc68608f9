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


def decided_by_refusal(person, system):
    return (
        f"{person} is not a person of {system}: a decision names only people of the system "
        "whose body took it (added, appointed or attending there)."
    )


def test_decided_by_is_written_as_slugs_of_the_meetings_systems_people(api_world, as_role):
    own, other = api_world.own, api_world.other
    client = as_role("secretariat")
    response = client.post(
        "/api/v1/decisions/",
        {
            "meeting": own.meeting.slug,
            "order": 2,
            "text": "Approved the joint forward plan.",
            "outcome": "approved",
            "decided_by": [own.person.slug, own.loose_person.slug],
        },
        format="json",
    )
    assert response.status_code == 201, response.content[:400]
    assert sorted(p["slug"] for p in response.json()["decided_by"]) == [
        "own-loose-person",
        "own-person",
    ]
    decision = Decision.objects.get(pk=response.json()["id"])
    url = f"/api/v1/decisions/{decision.pk}/"
    # A published person of another system may be cited elsewhere, but did not decide here.
    response = client.patch(
        url, {"decided_by": [own.person.slug, other.person.slug]}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["decided_by"] == [decided_by_refusal(other.person, own.system)]
    # Nor did a person of no system at all.
    nobody = factories.PersonFactory(slug="in-no-system")
    response = client.patch(url, {"decided_by": ["in-no-system"]}, format="json")
    assert response.json()["errors"]["decided_by"] == [decided_by_refusal(nobody, own.system)]
    # An unknown slug, or a person the writer may not link to, says no more than that.
    response = client.patch(url, {"decided_by": ["no-such-person"]}, format="json")
    assert_refused(response, "decided_by", "No person 'no-such-person' that you may link to.")
    assert set(decision.decided_by.values_list("slug", flat=True)) == {
        "own-person",
        "own-loose-person",
    }
    # A PATCH without decided_by keeps them; an empty list says the body decided.
    assert client.patch(url, {"text": "Approved the plan."}, format="json").status_code == 200
    assert decision.decided_by.count() == 2
    response = client.patch(url, {"decided_by": []}, format="json")
    assert response.status_code == 200 and response.json()["decided_by"] == []
    assert not decision.decided_by.exists()
