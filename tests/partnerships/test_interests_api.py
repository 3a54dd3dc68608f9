"""The registers in the API: filters by system, body, person, category and as at a date; a bad
filter is a 400 the client can act on; declarations at meetings name the agenda item; each
system's secretariat sees only its own systems' unpublished entries."""

import datetime

import pytest

from tests import factories
from tests.helpers.api import assert_refused, results

D = datetime.date


@pytest.fixture
def entries(own, other):
    ended = factories.InterestFactory(
        membership=own.membership, interest_to=D(2023, 3, 31), category="indirect"
    )
    current = factories.InterestFactory(membership=own.membership, declared_on=D(2023, 6, 1))
    elsewhere = factories.InterestFactory(membership=other.membership)
    return ended, current, elsewhere


def ids(response):
    return {row["id"] for row in results(response)}


@pytest.mark.django_db
def test_interests_filter_by_system_body_person_and_category(api, own, entries):
    ended, current, elsewhere = entries
    assert ids(api.get(f"/api/v1/interests/?system={own.system.slug}")) == {ended.pk, current.pk}
    assert ids(api.get(f"/api/v1/interests/?board={own.board.slug}")) == {ended.pk, current.pk}
    person = own.membership.person.slug
    assert ids(api.get(f"/api/v1/interests/?person={person}")) == {ended.pk, current.pk}
    assert ids(api.get("/api/v1/interests/?category=indirect")) == {ended.pk}


@pytest.mark.django_db
def test_interests_as_at_a_date_are_the_register_as_it_stood(api, own, entries):
    ended, current, _ = entries
    query = f"/api/v1/interests/?board={own.board.slug}&as_at="
    assert ids(api.get(query + "2023-01-01")) == {ended.pk}
    assert ids(api.get(query + "2023-07-01")) == {current.pk}
    response = api.get(query + "2023-02-30")
    assert response.status_code == 400
    assert "Enter a real date" in response.json()["detail"]
    assert api.get("/api/v1/interests/?category=bribes").status_code == 400


@pytest.mark.django_db
def test_gifts_filter_by_kind_and_date(api, own):
    lunch = factories.GiftOrHospitalityFactory(membership=own.membership, date=D(2023, 3, 2))
    pen = factories.GiftOrHospitalityFactory(
        membership=own.membership, kind="gift", value_gbp=3, date=D(2024, 1, 5)
    )
    assert ids(api.get("/api/v1/gifts-and-hospitality/?category=gift")) == {pen.pk}
    assert ids(api.get("/api/v1/gifts-and-hospitality/?as_at=2023-12-31")) == {lunch.pk}
    assert ids(api.get(f"/api/v1/gifts-and-hospitality/?board={own.board.slug}")) == {
        lunch.pk,
        pen.pk,
    }


@pytest.mark.django_db
def test_each_secretariat_sees_only_its_own_systems_unpublished_entries(api_as, own, other):
    mine = factories.InterestFactory(membership=own.membership, is_published=False)
    theirs = factories.InterestFactory(membership=other.membership, is_published=False)
    assert ids(api_as("secretariat-own").get("/api/v1/interests/")) == {mine.pk}
    assert ids(api_as("anonymous").get("/api/v1/interests/")) == set()
    assert api_as("secretariat-own").get(f"/api/v1/interests/{theirs.pk}/").status_code == 404


@pytest.mark.django_db
def test_the_withheld_note_is_for_the_secretariat_only(api_as, own):
    entry = factories.InterestFactory(
        membership=own.membership,
        is_withheld=True,
        withheld_reason="legal",
        withheld_note="Court order (note)",
    )
    url = f"/api/v1/interests/{entry.pk}/"
    assert api_as("secretariat-own").get(url).json()["withheld_note"] == "Court order (note)"
    viewer = api_as("viewer-own").get(url).json()
    assert viewer["is_withheld"] and "withheld_note" not in viewer
    assert api_as("anonymous").get(url).status_code == 404


@pytest.mark.django_db
def test_a_declaration_at_a_meeting_names_the_agenda_item_and_the_members_own_entry(api_as, own):
    meeting = factories.MeetingFactory(board=own.board)
    someone_elses = factories.InterestFactory(
        membership=factories.MembershipFactory(post=factories.PostFactory(board=own.board))
    )
    body = {
        "meeting": meeting.slug,
        "person": own.membership.person.slug,
        "item_reference": "item 5",
        "interest": someone_elses.pk,
        "description": "Trustee of the charity the item concerns.",
        "action": "left_the_room",
    }
    client = api_as("secretariat-own")
    assert_refused(
        client.post("/api/v1/meeting-declarations/", body, format="json"),
        "interest",
        "choose one of the declaring person's",
    )
    own_entry = factories.InterestFactory(membership=own.membership)
    response = client.post(
        "/api/v1/meeting-declarations/", {**body, "interest": own_entry.pk}, format="json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["item_reference"] == "item 5"
    assert response.json()["agenda_item"] is None
    assert response.json()["action"] == "left_the_room"


def test_a_declaration_names_an_agenda_item_of_its_own_meeting_only(api_as, own):
    from partnerships.models import MeetingDeclaration

    board = factories.BoardFactory(system=own.system)
    meeting = factories.MeetingFactory(board=board, status="held")
    other = factories.AgendaItemFactory(meeting=factories.MeetingFactory(board=board))
    person = factories.PersonFactory(system=own.system)
    body = {
        "meeting": meeting.slug,
        "person": person.slug,
        "agenda_item": other.pk,
        "description": "Director of a bidder.",
        "action": "left_the_room",
    }
    response = api_as("secretariat-own").post("/api/v1/meeting-declarations/", body, format="json")
    assert response.status_code == 400
    assert "That agenda item is of another meeting" in response.json()["errors"]["agenda_item"][0]
    del body["agenda_item"]
    response = api_as("secretariat-own").post("/api/v1/meeting-declarations/", body, format="json")
    assert response.status_code == 400
    assert (
        "Choose the agenda item, or give it as the minutes number it"
        in (response.json()["errors"]["item_reference"][0])
    )
    assert not MeetingDeclaration.objects.filter(meeting=meeting).exists()
    item = factories.AgendaItemFactory(meeting=meeting, number="5", title="Capital bids")
    body["agenda_item"] = item.pk
    response = api_as("secretariat-own").post("/api/v1/meeting-declarations/", body, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["agenda_item"]["id"] == item.pk
