"""People and their private fields, one rule in every door: a person belongs to the system they
were added in and to every system where they hold, held or attended anything; only those
systems' secretariat (and superusers) may change them or see their contact details; viewers
never see contact details — not in the admin, its exports, its history, the API or its
browsable forms."""

import pytest

from partnerships.models import Person
from tests import factories
from tests.helpers.spreadsheets import PEOPLE, export, export_selected, load

pytestmark = pytest.mark.django_db

EMAIL = "private.person@example.nhs.uk"


@pytest.fixture
def member(own):
    person = own.membership.person
    person.email, person.phone = EMAIL, "07700 900111"
    person.save()
    return person


def test_a_viewer_never_sees_contact_details_on_the_person_page(login, member):
    page = login("viewer-own").get(f"{PEOPLE}{member.pk}/change/")
    assert page.status_code == 200
    assert EMAIL not in page.content.decode()
    assert "email" not in page.context["adminform"].form.fields
    keeper = login("secretariat-own").get(f"{PEOPLE}{member.pk}/change/")
    assert EMAIL in keeper.content.decode()


def test_a_viewer_exports_people_without_contact_details(login, member):
    rows = load(export(login("viewer-own"), PEOPLE), "csv")
    row = rows.dict[rows["name"].index(member.name)]
    assert row["email"] == "" and row["phone"] == ""
    selected = load(export_selected(login("viewer-own"), PEOPLE, [member.pk]).content, "csv")
    assert selected["email"] == [""]


def test_the_export_holds_only_the_users_systems_people(login, member, other):
    nobodys = factories.PersonFactory(name="Added Nationally", email="national@example.nhs.uk")
    rows = load(export(login("secretariat-own"), PEOPLE), "csv")
    assert member.name in rows["name"] and EMAIL in rows["email"]
    assert nobodys.name not in rows["name"]
    assert other.membership.person.name not in rows["name"]


def test_the_history_page_strips_contact_details_for_a_viewer(login, member):
    page = login("viewer-own").get(f"{PEOPLE}{member.pk}/history/").content.decode()
    assert "changed" in page
    assert EMAIL not in page and "07700 900111" not in page
    keeper = login("secretariat-own").get(f"{PEOPLE}{member.pk}/history/").content.decode()
    assert EMAIL in keeper


def test_the_changes_list_strips_contact_details_for_a_viewer(login, member):
    page = login("viewer-own").get("/admin/icsgov/change/").content.decode()
    assert member.name in page or member.slug in page
    assert EMAIL not in page


def test_the_api_shows_contact_details_to_the_persons_secretariat_only(api_as, member):
    url = f"/api/v1/people/{member.slug}/"
    assert api_as("secretariat-own").get(url).json()["email"] == EMAIL
    for role in ("viewer-own", "secretariat-other", "anonymous"):
        assert "email" not in api_as(role).get(url).json(), role


def test_the_browsable_api_shows_no_contact_details_to_others(api_as, member):
    for role in ("viewer-own", "secretariat-other"):
        page = api_as(role).get(f"/api/v1/people/{member.slug}/?format=api")
        assert page.status_code == 200
        assert EMAIL not in page.content.decode(), role


def test_attending_a_meeting_makes_a_person_the_systems_to_keep(api_as, own, other):
    # Attends another system's meetings only: that system's secretariat keep the record, and
    # a third system's cannot rename or unpublish them.
    guest = factories.PersonFactory(slug="guest", name="Guest Speaker", email="guest@example.org")
    factories.AttendanceFactory(meeting=factories.MeetingFactory(board=other.board), person=guest)

    refused = api_as("secretariat-own").patch(
        "/api/v1/people/guest/", {"name": "Renamed", "is_published": False}, format="json"
    )
    assert refused.status_code in (403, 404)
    guest.refresh_from_db()
    assert (guest.name, guest.is_published) == ("Guest Speaker", True)
    kept = api_as("secretariat-other").patch(
        "/api/v1/people/guest/", {"biography": "Speaker."}, format="json"
    )
    assert kept.status_code == 200


def test_a_new_person_goes_in_the_writers_system(api_as, own):
    response = api_as("secretariat-own").post(
        "/api/v1/people/", {"name": "New Member", "email": "new@example.nhs.uk"}, format="json"
    )
    assert response.status_code == 201
    person = Person.objects.get(name="New Member")
    assert person.system == own.system
    # ... so the one who added them can go on keeping the record before any appointment.
    assert response.json()["email"] == "new@example.nhs.uk"
