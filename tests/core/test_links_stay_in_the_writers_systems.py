"""One scoping rule for every link on every door (icsgov.core.scoping.linkable): a record and
everything it links to belong to the writer's systems — national records and, by design, people
(who may sit in several systems) excepted. A write naming another system's record is refused
with a message that reveals nothing of it."""

import datetime

import pytest

from partnerships.choices import AttendanceStatus, MeetingStatus
from partnerships.models import Attendance, Membership
from strategy.models import Milestone
from tests import factories
from tests.helpers.admin_forms import page_data

pytestmark = pytest.mark.django_db


def unknown(field, noun, slug):
    return {field: [f"No {noun} '{slug}' that you may link to."]}


def test_api_refuses_an_appointment_on_behalf_of_another_systems_organisation(api_as, own, other):
    other_council = factories.OrganisationFactory(system=other.system, slug="other-council")

    response = api_as("secretariat-own").patch(
        f"/api/v1/memberships/{own.membership.slug}/",
        {"on_behalf_of": "other-council"},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["errors"] == unknown("on_behalf_of", "organisation", "other-council")
    own.membership.refresh_from_db()
    assert own.membership.on_behalf_of != other_council


def test_api_lets_an_appointment_cite_a_national_organisation(api_as, own):
    factories.OrganisationFactory(system=None, slug="nhs-england", name="NHS England")

    response = api_as("secretariat-own").patch(
        f"/api/v1/memberships/{own.membership.slug}/",
        {"on_behalf_of": "nhs-england"},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["on_behalf_of"]["slug"] == "nhs-england"


def test_api_refuses_a_milestone_in_own_system_linked_to_another_systems_records(
    api_as, own, other
):
    place = factories.PlaceFactory(system=other.system, slug="their-place")
    strategy = factories.StrategyFactory(system=other.system, slug="their-strategy")
    meeting = factories.MeetingFactory(board=other.board, slug="their-meeting")
    data = {
        "title": "Go live",
        "date": "2024-04-01",
        "scope": "place",
        "system": own.system.slug,
        "place": place.slug,
        "strategy": strategy.slug,
        "board": other.board.slug,
        "meeting": meeting.slug,
    }

    response = api_as("secretariat-own").post("/api/v1/milestones/", data, format="json")

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["place"] == unknown("place", "place", "their-place")["place"]
    assert set(errors) == {"place", "strategy", "board", "meeting"}
    assert not Milestone.objects.filter(title="Go live").exists()


def test_api_refuses_a_deputy_for_another_systems_appointment(api_as, own, other):
    response = api_as("secretariat-own").post(
        "/api/v1/memberships/",
        {
            "person": factories.PersonFactory(system=own.system).slug,
            "post": own.post.slug,
            "kind": "deputy",
            "deputy_for": other.membership.slug,
            "start_date": "2024-01-01",
        },
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["errors"] == unknown("deputy_for", "appointment", other.membership.slug)


def test_api_refuses_attendance_under_another_systems_appointment(api_as, own, other):
    meeting = factories.MeetingFactory(board=own.board, date=datetime.date(2023, 1, 12))

    response = api_as("secretariat-own").post(
        "/api/v1/attendance/",
        {
            "meeting": meeting.slug,
            "person": other.membership.person.slug,
            "membership": other.membership.slug,
        },
        format="json",
    )

    assert response.status_code == 400
    assert "membership" in response.json()["errors"]
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_writing_to_another_systems_private_meeting_reveals_nothing(api_as, own, other):
    secret = factories.MeetingFactory(board=other.board, slug="private-one", is_public=False)
    factories.AttendanceFactory(meeting=secret, person=factories.PersonFactory(name="Hidden Guest"))

    for resource, data in (
        ("attendance", {"meeting": "private-one", "person": own.membership.person.slug}),
        ("decisions", {"meeting": "private-one", "order": 1, "text": "x"}),
    ):
        response = api_as("secretariat-own").post(f"/api/v1/{resource}/", data, format="json")
        assert response.status_code == 400
        assert response.json()["errors"] == unknown("meeting", "meeting", "private-one")
        assert "Hidden Guest" not in response.content.decode()


def test_admin_offers_and_accepts_no_other_systems_organisation(login, own, other):
    other_council = factories.OrganisationFactory(system=other.system)
    client = login("secretariat-own")
    url = f"/admin/partnerships/membership/{own.membership.pk}/change/"
    page = client.get(url)
    choices = page.context["adminform"].form.fields["on_behalf_of"].queryset
    assert other_council not in choices

    data = page_data(page)
    data["on_behalf_of"] = str(other_council.pk)
    response = client.post(url, data)

    assert response.status_code == 200
    assert "on_behalf_of" in response.context["adminform"].form.errors
    own.membership.refresh_from_db()
    assert own.membership.on_behalf_of != other_council


def test_import_refuses_an_appointment_on_behalf_of_another_systems_organisation(own, other):
    import tablib

    from partnerships.resources import MembershipResource
    from tests.conftest import staff_user

    factories.OrganisationFactory(system=other.system, slug="other-council")
    user = staff_user("importer", "secretariat", own.system)
    rows = tablib.Dataset(headers=["person", "post", "on_behalf_of", "kind", "start_date"])
    rows.append(
        [own.membership.person.slug, own.post.slug, "other-council", "member", "2024-06-01"]
    )

    result = MembershipResource(user=user).import_data(rows, dry_run=True)

    assert result.has_validation_errors()
    messages = [str(e) for row in result.invalid_rows for e in row.error_dict.get("on_behalf_of")]
    assert messages == ["No organisation with slug or name 'other-council' that you may link to."]
    assert Membership.objects.filter(post=own.post).count() == 1


def test_a_person_may_be_appointed_in_a_second_system(api_as, own, other):
    # People are citable by design: a published person of another system may be appointed.
    seat = factories.PostFactory(board=own.board, places=2)
    response = api_as("secretariat-own").post(
        "/api/v1/memberships/",
        {
            "person": other.membership.person.slug,
            "post": seat.slug,
            "start_date": "2024-01-01",
            "on_behalf_of": own.membership.on_behalf_of.slug,
        },
        format="json",
    )
    assert response.status_code == 201


def test_an_unpublished_person_of_another_system_is_unknown(api_as, own, other):
    hidden = factories.PersonFactory(system=other.system, is_published=False, slug="hidden")
    response = api_as("secretariat-own").post(
        "/api/v1/memberships/",
        {"person": hidden.slug, "post": own.post.slug, "start_date": "2024-01-01"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"] == unknown("person", "person", "hidden")


def test_a_held_meeting_status_is_unaffected(own):
    # Smoke: the rule leaves records within one system alone.
    meeting = factories.MeetingFactory(board=own.board, status=MeetingStatus.HELD)
    attendance = Attendance(
        meeting=meeting,
        person=own.membership.person,
        membership=own.membership,
        status=AttendanceStatus.PRESENT,
    )
    attendance.full_clean()
