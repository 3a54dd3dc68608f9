"""Appointments through the API: filters, every appointment rule as a 400 on the right field
naming the conflict with nothing saved, ending as an edit (never a delete), and nothing of
another system's seat revealed."""

import datetime

import pytest

from partnerships.choices import ChairModel, Role, Sector
from partnerships.models import Membership
from tests import factories
from tests.helpers.api import assert_refused, slugs

D = datetime.date

pytestmark = pytest.mark.django_db


def test_memberships_filter_by_person_board_organisation_sector_role_and_voting(api):
    board = factories.BoardFactory()
    council = factories.OrganisationFactory(sector=Sector.LOCAL_GOVERNMENT, system=board.system)
    chair_seat = factories.PostFactory(board=board, role=Role.CHAIR, voting=True)
    observer_seat = factories.PostFactory(board=board, role=Role.OBSERVER, voting=False)
    chair = factories.MembershipFactory(post=chair_seat, on_behalf_of=council)
    observer = factories.MembershipFactory(post=observer_seat)
    overridden = factories.MembershipFactory(
        post=factories.PostFactory(board=board, voting=False), voting=True
    )
    other = factories.MembershipFactory()

    def got(query):
        return sorted(slugs(api.get(f"/api/v1/memberships/?{query}")))

    assert got(f"board={board.slug}") == sorted([chair.slug, observer.slug, overridden.slug])
    assert got(f"person={other.person.slug}") == [other.slug]
    assert got(f"organisation={council.slug}") == [chair.slug]
    assert got("sector=local_government") == [chair.slug]
    assert got(f"board={board.slug}&role=chair") == [chair.slug]
    assert got(f"board={board.slug}&voting=false") == [observer.slug]
    assert got(f"board={board.slug}&voting=true") == sorted([chair.slug, overridden.slug])


def test_memberships_filter_by_start_date_range(api):
    early = factories.MembershipFactory(start_date=D(2022, 7, 1))
    late = factories.MembershipFactory(start_date=D(2023, 4, 1))
    got = slugs(api.get("/api/v1/memberships/?start_date_after=2022-07-02"))
    assert got == [late.slug]
    got = slugs(api.get("/api/v1/memberships/?start_date_before=2022-07-01"))
    assert got == [early.slug]


def test_secretariat_cannot_appoint_to_another_systems_seat(api_world, as_role):
    client = as_role("secretariat")
    data = {"person": api_world.own.loose_person.slug, "post": api_world.other.post.slug}
    response = client.post("/api/v1/memberships/", {**data, "start_date": "2024-01-01"})
    assert response.status_code == 400
    # Nothing of the other system's seat is revealed: not its holders, not that it exists.
    assert response.json()["errors"] == {
        "post": [f"No seat '{api_world.other.post.slug}' that you may link to."]
    }
    assert api_world.other.person.name not in response.content.decode()
    assert not Membership.objects.filter(person=api_world.own.loose_person).exists()


def test_deleting_an_appointment_says_to_end_it_instead(api_world, as_role):
    response = as_role("secretariat").delete(
        f"/api/v1/memberships/{api_world.own.membership.slug}/"
    )
    assert response.status_code == 405
    assert "end_date" in response.json()["detail"]


def appoint(client, post, start="2024-01-01", end=None, person=None, **extra):
    person = person or factories.PersonFactory()
    data = {"person": person.slug, "post": post.slug, "start_date": start, **extra}
    if end:
        data["end_date"] = end
    return client.post("/api/v1/memberships/", data, format="json")


def test_a_full_seat_is_refused_naming_who_fills_it(api_world, as_role):
    client = as_role("secretariat")
    seat = factories.PostFactory(board=api_world.own.board, places=1, label="Healthwatch seat")
    holder = factories.PersonFactory(name="Asha Holder")
    factories.MembershipFactory(post=seat, person=holder, start_date=datetime.date(2023, 1, 1))
    before = Membership.objects.count()
    assert_refused(appoint(client, seat), "post", "Healthwatch seat", "Asha Holder", "1 place")
    assert Membership.objects.count() == before


def test_a_second_chair_is_refused_under_a_single_chair_model(api_world, as_role):
    client = as_role("secretariat")
    board = factories.BoardFactory(system=api_world.own.system, chair_model=ChairModel.ICB_CHAIR)
    chair = factories.PostFactory(board=board, role=Role.CHAIR, label="Chair")
    other_chair = factories.PostFactory(board=board, role=Role.CHAIR, label="Chair (council)")
    factories.MembershipFactory(post=chair, person=factories.PersonFactory(name="Sam Chair"))
    assert_refused(appoint(client, other_chair), "post", "one chair", "Sam Chair")


def test_the_same_person_twice_in_a_seat_is_refused(api_world, as_role):
    client = as_role("secretariat")
    response = appoint(client, api_world.own.post, start="2023-01-01", person=api_world.own.person)
    assert_refused(response, "person", "already holds")


def test_an_end_before_the_start_is_refused_on_the_end_date(api_world, as_role):
    client = as_role("secretariat")
    response = client.patch(
        f"/api/v1/memberships/{api_world.own.membership.slug}/",
        {"end_date": "2020-01-01"},
        format="json",
    )
    assert_refused(response, "end_date", "cannot be before")
    api_world.own.membership.refresh_from_db()
    assert api_world.own.membership.end_date is None


def test_ending_an_appointment_is_an_edit(api_world, as_role):
    client = as_role("secretariat")
    response = client.patch(
        f"/api/v1/memberships/{api_world.own.membership.slug}/",
        {"end_date": "2024-03-31"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["end_date"] == "2024-03-31"
    listed = client.get(f"/api/v1/memberships/?board={api_world.own.board.slug}&as_at=2024-04-01")
    assert api_world.own.membership.slug not in [row["slug"] for row in listed.json()["results"]]


def test_malformed_input_is_a_400_not_a_500(api_world, as_role):
    client = as_role("secretariat")
    for data in (
        {"person": "no-such-person", "post": api_world.own.post.slug, "start_date": "2024-01-01"},
        {
            "person": api_world.own.loose_person.slug,
            "post": api_world.own.post.slug,
            "start_date": "x",
        },
        {"person": api_world.own.loose_person.slug, "post": api_world.own.post.slug},
        {"person": ["a"], "post": {"b": 1}, "start_date": 3},
    ):
        response = client.post("/api/v1/memberships/", data, format="json")
        assert response.status_code == 400, (data, response.content[:300])
        assert response.json()["errors"]
