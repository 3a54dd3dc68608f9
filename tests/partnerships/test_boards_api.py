"""Bodies through the API: the list filters by system, kind, place and text and orders by name;
a body's detail describes it as at a date — members, seats with places filled and vacant, terms
of reference in force, chair arrangement."""

import datetime

import pytest

from partnerships.choices import BoardKind, ChairModel, Role
from tests import factories
from tests.helpers.api import results, slugs

D = datetime.date


@pytest.fixture
def board(db):
    board = factories.BoardFactory(
        slug="southampton-health-and-care-partnership-board",
        chair_model=ChairModel.ICB_CHAIR,
        start_date=D(2022, 7, 1),
    )
    chair_seat = factories.PostFactory(board=board, label="Chair", role=Role.CHAIR, order=1)
    council_seats = factories.PostFactory(
        board=board, label="Council representatives", places=3, order=2
    )
    factories.MembershipFactory(
        post=chair_seat,
        person=factories.PersonFactory(name="Ann Chair"),
        start_date=D(2022, 7, 1),
        end_date=D(2023, 3, 31),
    )
    factories.MembershipFactory(
        post=chair_seat, person=factories.PersonFactory(name="Bob Chair"), start_date=D(2023, 4, 1)
    )
    factories.MembershipFactory(
        post=council_seats, person=factories.PersonFactory(name="Cath Council")
    )
    factories.TermsOfReferenceFactory(
        board=board, version="1.0", in_force_from=D(2022, 7, 1), in_force_to=D(2023, 3, 31)
    )
    factories.TermsOfReferenceFactory(board=board, version="2.0", in_force_from=D(2023, 4, 1))
    factories.TermsOfReferenceFactory(board=board, version="3.0-draft", status="draft")
    return board


def detail(api, board, date=None):
    query = f"?as_at={date}" if date else ""
    response = api.get(f"/api/v1/boards/{board.slug}/{query}")
    assert response.status_code == 200
    return response.json()


def test_members_are_those_appointed_on_the_date(api, board):
    names = {m["person"]["name"] for m in detail(api, board, "2023-03-31")["members"]}
    assert names == {"Ann Chair", "Cath Council"}
    names = {m["person"]["name"] for m in detail(api, board, "2023-04-01")["members"]}
    assert names == {"Bob Chair", "Cath Council"}
    assert detail(api, board, "2022-06-30")["members"] == []


def test_members_default_to_today(api, board):
    body = detail(api, board)
    assert body["as_at"] == datetime.date.today().isoformat()
    assert {m["person"]["name"] for m in body["members"]} == {"Bob Chair", "Cath Council"}


def test_seats_count_places_filled_and_vacant(api, board):
    board.membership_maintained_from = D(2022, 7, 1)  # vacancies are of a maintained body
    board.save()
    seats = {s["label"]: s for s in detail(api, board, "2023-04-01")["seats"]}
    assert (seats["Chair"]["places"], seats["Chair"]["filled"], seats["Chair"]["vacancies"]) == (
        1,
        1,
        0,
    )
    council = seats["Council representatives"]
    assert (council["places"], council["filled"], council["vacancies"]) == (3, 1, 2)
    assert council["membership_maintained"] is True and council["holders_not_recorded"] is None


def test_on_a_body_known_only_from_papers_empty_places_are_not_recorded_not_vacant(api, board):
    seats = {s["label"]: s for s in detail(api, board, "2023-04-01")["seats"]}
    council = seats["Council representatives"]
    assert council["membership_maintained"] is False
    assert (council["filled"], council["vacancies"], council["holders_not_recorded"]) == (
        1,
        None,
        2,
    )


def test_terms_of_reference_in_force_on_the_date(api, board):
    assert detail(api, board, "2023-03-31")["terms_of_reference"]["version"] == "1.0"
    assert detail(api, board, "2023-04-01")["terms_of_reference"]["version"] == "2.0"
    assert detail(api, board, "2022-06-30")["terms_of_reference"] is None


def test_chair_arrangement_names_the_chair_on_the_date(api, board):
    chair = detail(api, board, "2022-12-01")["chair"]
    assert chair["model"] == "icb_chair"
    assert chair["several_chairs_allowed"] is False
    assert [c["person"]["name"] for c in chair["chairs"]] == ["Ann Chair"]


@pytest.mark.django_db
def test_boards_filter_by_system_kind_place_and_text(api):
    hiow = factories.SystemFactory(slug="hiow")
    southampton = factories.PlaceFactory(system=hiow, slug="southampton")
    hwb = factories.BoardFactory(
        system=hiow, place=southampton, kind=BoardKind.HEALTH_AND_WELLBEING_BOARD, name="HWB"
    )
    cluster_board = factories.BoardFactory(
        system=hiow,
        cluster=factories.ClusterFactory(place=southampton),
        kind=BoardKind.CLUSTER_BOARD,
        name="Central cluster board",
    )
    elsewhere = factories.BoardFactory(kind=BoardKind.HEALTH_AND_WELLBEING_BOARD)

    assert sorted(slugs(api.get("/api/v1/boards/?system=hiow"))) == sorted(
        [hwb.slug, cluster_board.slug]
    )
    assert sorted(slugs(api.get("/api/v1/boards/?kind=health_and_wellbeing_board"))) == sorted(
        [hwb.slug, elsewhere.slug]
    )
    # A place's bodies include those tied to it through a cluster.
    assert sorted(slugs(api.get("/api/v1/boards/?place=southampton"))) == sorted(
        [hwb.slug, cluster_board.slug]
    )
    assert slugs(api.get("/api/v1/boards/?q=central")) == [cluster_board.slug]


@pytest.mark.django_db
def test_boards_order_by_name_either_way(api):
    names = ["Beta board", "Alpha board", "Gamma board"]
    for name in names:
        factories.BoardFactory(name=name)
    got = [row["name"] for row in results(api.get("/api/v1/boards/?ordering=-name"))]
    assert got == sorted(names, reverse=True)


@pytest.mark.django_db
def test_boards_name_their_predecessors_and_successors(api, staff_api):
    system = factories.SystemFactory()
    old = factories.BoardFactory(system=system, slug="joint-commissioning-board")
    hidden = factories.BoardFactory(system=system, slug="hidden-board", is_published=False)
    new = factories.BoardFactory(system=system, slug="joint-commissioning-committee")
    new.predecessors.set([old, hidden])
    detail = api.get("/api/v1/boards/joint-commissioning-committee/").json()
    assert [b["slug"] for b in detail["predecessors"]] == ["joint-commissioning-board"]
    assert detail["predecessors"][0]["url"] == (
        "http://testserver/api/v1/boards/joint-commissioning-board/"
    )
    assert detail["successors"] == []
    listed = {r["slug"]: r for r in results(api.get(f"/api/v1/boards/?system={system.slug}"))}
    assert [b["slug"] for b in listed["joint-commissioning-board"]["successors"]] == [
        "joint-commissioning-committee"
    ]
    staff = staff_api.get("/api/v1/boards/joint-commissioning-committee/").json()
    assert sorted(b["slug"] for b in staff["predecessors"]) == [
        "hidden-board",
        "joint-commissioning-board",
    ]
