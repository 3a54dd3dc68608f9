"""/api/v1/systems/<slug>/popolo/: the system in Popolo's own field names, as at a date."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

D = datetime.date


@pytest.fixture
def system(db):
    system = factories.SystemFactory(slug="hiow")
    icp = factories.BoardFactory(system=system, slug="hiow-icp", kind="statutory_icp")
    engine_room = factories.BoardFactory(system=system, slug="hiow-icp-engine-room", parent=icp)
    council = factories.OrganisationFactory(system=system, slug="southampton-city-council")
    factories.OrganisationIdentifierFactory(organisation=council, scheme="gss", code="E06000045")
    seat = factories.PostFactory(board=engine_room, slug="engine-room-la-rep", places=2)
    factories.MembershipFactory(
        post=seat,
        person=factories.PersonFactory(slug="priya-singh", name="Priya Singh"),
        on_behalf_of=council,
        start_date=D(2022, 7, 1),
        end_date=D(2023, 3, 31),
    )
    factories.MembershipFactory(
        post=seat, person=factories.PersonFactory(slug="simon-trickett"), start_date=D(2023, 4, 1)
    )
    return system


def popolo(api, query=""):
    response = api.get(f"/api/v1/systems/hiow/popolo/{query}")
    assert response.status_code == 200, response.content
    return response.json()


def test_export_uses_popolo_field_names(api, system):
    body = popolo(api)
    assert set(body) == {"as_at", "persons", "organizations", "posts", "memberships"}
    membership = next(m for m in body["memberships"] if m["person_id"] == "priya-singh")
    assert membership == {
        "id": membership["id"],
        "person_id": "priya-singh",
        "post_id": "engine-room-la-rep",
        "organization_id": "hiow-icp-engine-room",
        "on_behalf_of_id": "southampton-city-council",
        "role": "member",
        "start_date": "2022-07-01",
        "end_date": "2023-03-31",
    }
    organizations = {o["id"]: o for o in body["organizations"]}
    assert organizations["hiow-icp-engine-room"]["parent_id"] == "hiow-icp"
    assert organizations["hiow-icp"]["classification"] == "body:statutory_icp"
    council = organizations["southampton-city-council"]
    assert council["identifiers"] == [{"scheme": "gss", "identifier": "E06000045"}]
    assert body["posts"] == [
        {
            "id": "engine-room-la-rep",
            "label": body["posts"][0]["label"],
            "role": "member",
            "organization_id": "hiow-icp-engine-room",
            "start_date": None,
            "end_date": None,
        }
    ]
    person = next(p for p in body["persons"] if p["id"] == "priya-singh")
    assert set(person) == {"id", "name", "sort_name", "honorific_prefix", "biography"}


def test_export_as_at_a_date_has_that_days_members_only(api, system):
    assert [m["person_id"] for m in popolo(api, "?as_at=2023-03-31")["memberships"]] == [
        "priya-singh"
    ]
    body = popolo(api, "?as_at=2023-04-01")
    assert [m["person_id"] for m in body["memberships"]] == ["simon-trickett"]
    assert [p["id"] for p in body["persons"]] == ["simon-trickett"]
    assert body["as_at"] == "2023-04-01"


def test_bad_date_is_400_and_unknown_or_synthetic_system_is_404(api, system):
    assert api.get("/api/v1/systems/hiow/popolo/?as_at=April").status_code == 400
    assert api.get("/api/v1/systems/nowhere/popolo/").status_code == 404
    synthetic = factories.SystemFactory(is_synthetic=True)
    assert api.get(f"/api/v1/systems/{synthetic.slug}/popolo/").status_code == 404


def test_export_queries_do_not_grow_with_rows(api, system):
    def queries():
        with CaptureQueriesContext(connection) as ctx:
            popolo(api)
        return len(ctx)

    few = queries()
    for _ in range(20):
        factories.MembershipFactory(post__board__system=system, on_behalf_of__system=system)
    assert queries() == few


def test_a_link_the_client_may_not_follow_is_null_and_ties_come_in_one_order(api, system):
    """An appointment on behalf of an unpublished organisation names it to a superuser only;
    people with the same name come in the same order in every export (by id)."""
    from tests.conftest import token_client

    hidden = factories.OrganisationFactory(system=system, slug="hidden-org", is_published=False)
    seat = factories.PostFactory(board__system=system, slug="hidden-seat", places=3)
    twins = [factories.PersonFactory(name="Alex Same", sort_name="") for _ in range(3)]
    for person in twins:
        factories.MembershipFactory(post=seat, person=person, on_behalf_of=hidden)
    root = factories.UserFactory(username="popolo-root", is_staff=True, is_superuser=True)
    for client, shown in ((api, None), (token_client(root), "hidden-org")):
        export = client.get("/api/v1/systems/hiow/popolo/").json()
        named = {m["on_behalf_of_id"] for m in export["memberships"] if m["post_id"] == seat.slug}
        assert named == {shown}
        same = [p["id"] for p in export["persons"] if p["name"] == "Alex Same"]
        assert same == [p.slug for p in sorted(twins, key=lambda p: p.pk)]
