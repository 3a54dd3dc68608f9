"""Contract tests: every resource lists and shows by slug, filters, answers "as at" a date at
its boundaries, paginates with a hard cap, and speaks CSV."""

import datetime

import pytest

from partnerships.choices import BoardKind, Role, Sector
from tests import factories
from tests.helpers.api import results, slugs

D = datetime.date


# --- "as at" at the boundaries: start day, end day, the day after ---------------------------

START, END = D(2022, 11, 1), D(2023, 3, 31)


@pytest.mark.django_db
def test_draft_terms_are_never_in_force(staff_api):
    draft = factories.TermsOfReferenceFactory(status="draft", in_force_from=START)
    assert draft.slug in slugs(staff_api.get("/api/v1/terms-of-reference/"))
    assert draft.slug not in slugs(staff_api.get("/api/v1/terms-of-reference/?as_at=2023-01-01"))


# --- filters ---------------------------------------------------------------------------------


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


@pytest.mark.django_db
def test_memberships_filter_by_start_date_range(api):
    early = factories.MembershipFactory(start_date=D(2022, 7, 1))
    late = factories.MembershipFactory(start_date=D(2023, 4, 1))
    got = slugs(api.get("/api/v1/memberships/?start_date_after=2022-07-02"))
    assert got == [late.slug]
    got = slugs(api.get("/api/v1/memberships/?start_date_before=2022-07-01"))
    assert got == [early.slug]


@pytest.mark.django_db
def test_people_on_a_board_as_at_a_date_come_from_the_same_appointment(api):
    board = factories.BoardFactory()
    seat = factories.PostFactory(board=board)
    left = factories.MembershipFactory(
        post=seat, start_date=D(2022, 7, 1), end_date=D(2022, 12, 31)
    )
    joined = factories.MembershipFactory(post=seat, start_date=D(2023, 1, 1))
    # Someone who left this board but holds another seat elsewhere on the date is not on it.
    factories.MembershipFactory(person=left.person, start_date=D(2023, 1, 1))

    got = slugs(api.get(f"/api/v1/people/?board={board.slug}&as_at=2023-02-01"))
    assert got == [joined.person.slug]
    got = slugs(api.get(f"/api/v1/people/?board={board.slug}&as_at=2022-12-31"))
    assert got == [left.person.slug]
    got = sorted(slugs(api.get(f"/api/v1/people/?board={board.slug}")))
    assert got == sorted([left.person.slug, joined.person.slug])


@pytest.mark.django_db
def test_posts_filter_by_board_kind_sector_and_voting(api):
    hwb = factories.BoardFactory(kind=BoardKind.HEALTH_AND_WELLBEING_BOARD)
    vcse = factories.PostFactory(board=hwb, nominating_sector=Sector.VCSE, voting=None)
    voting = factories.PostFactory(voting=True)
    assert slugs(api.get("/api/v1/posts/?board_kind=health_and_wellbeing_board")) == [vcse.slug]
    assert slugs(api.get("/api/v1/posts/?sector=vcse")) == [vcse.slug]
    assert slugs(api.get("/api/v1/posts/?voting=unknown")) == [vcse.slug]
    assert slugs(api.get("/api/v1/posts/?voting=true")) == [voting.slug]


@pytest.mark.django_db
def test_posts_count_places_filled_and_vacant_on_the_date(api):
    seat = factories.PostFactory(places=4)
    factories.MembershipFactory(post=seat, start_date=D(2022, 11, 1), end_date=D(2023, 3, 31))
    factories.MembershipFactory(post=seat, start_date=D(2023, 1, 1))
    factories.MembershipFactory(post=seat, start_date=D(2023, 1, 1), kind="substitute")

    def counts(date):
        row = api.get(f"/api/v1/posts/{seat.slug}/?as_at={date}").json()
        return row["filled"], row["vacancies"]

    assert counts("2022-12-31") == (1, 3) == (seat.filled_on(D(2022, 12, 31)), 3)
    assert counts("2023-03-31") == (2, 2)
    assert counts("2023-04-01") == (1, 3)
    assert (seat.filled_on(D(2023, 4, 1)), seat.vacancies_on(D(2023, 4, 1))) == (1, 3)


@pytest.mark.django_db
def test_meetings_and_milestones_filter_by_date_range(api):
    january = factories.MeetingFactory(date=D(2023, 1, 12))
    factories.MeetingFactory(date=D(2023, 3, 9))
    got = slugs(api.get("/api/v1/meetings/?date_after=2023-01-01&date_before=2023-01-31"))
    assert got == [january.slug]
    april = factories.MilestoneFactory(date=D(2023, 4, 1))
    factories.MilestoneFactory(date=D(2022, 7, 1))
    assert slugs(api.get("/api/v1/milestones/?date_after=2023-01-01")) == [april.slug]


@pytest.mark.django_db
def test_organisations_filter_by_sector_and_system(api):
    council = factories.OrganisationFactory(sector=Sector.LOCAL_GOVERNMENT)
    factories.OrganisationFactory(sector=Sector.NHS)
    assert slugs(api.get("/api/v1/organisations/?sector=local_government")) == [council.slug]
    got = slugs(api.get(f"/api/v1/organisations/?system={council.system.slug}"))
    assert got == [council.slug]


@pytest.mark.django_db
def test_people_current_true_and_false_split_on_todays_appointments(api):
    serving = factories.MembershipFactory(start_date=D(2022, 7, 1)).person
    former = factories.MembershipFactory(start_date=D(2022, 7, 1), end_date=D(2023, 3, 31)).person
    assert slugs(api.get("/api/v1/people/?current=true")) == [serving.slug]
    assert slugs(api.get("/api/v1/people/?current=false")) == [former.slug]
