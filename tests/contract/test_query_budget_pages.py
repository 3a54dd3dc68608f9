"""Every public page runs the same number of queries however many rows it shows: home, a
body, a person, the meetings list and a meeting, a strategy, search, a system and a place."""

import datetime

import pytest

from icsgov.core.dates import DatePrecision
from tests import factories as f
from tests.helpers.systems import build_system

pytestmark = pytest.mark.django_db


def board_url(board, as_at=None):
    url = f"/boards/{board.slug}/"
    return f"{url}?as_at={as_at}" if as_at else url


def test_home_queries_do_not_grow_with_systems(count_queries):
    for _ in range(3):
        f.SystemFactory()
    small = count_queries("/")
    for _ in range(30):
        f.SystemFactory()
    assert count_queries("/") == small


def test_board_page_queries_do_not_grow_with_members(count_queries):
    def board_with(n):
        board = f.BoardFactory()
        for _ in range(n):
            f.MembershipFactory(post__board=board)
        f.TermsOfReferenceFactory(board=board)
        return board

    small, large = board_with(10), board_with(100)

    assert count_queries(board_url(small)) == count_queries(board_url(large))


def test_person_page_queries_do_not_grow_with_roles(count_queries):
    few, many = f.PersonFactory(), f.PersonFactory()
    for _ in range(2):
        f.MembershipFactory(person=few)
    for _ in range(20):
        f.MembershipFactory(person=many)
    assert count_queries(f"/people/{few.slug}/") == count_queries(f"/people/{many.slug}/")


def test_meetings_list_queries_do_not_grow(count_queries):
    for _ in range(3):
        f.MeetingFactory()
    small = count_queries("/meetings/")
    for _ in range(30):
        f.MeetingFactory()
    assert count_queries("/meetings/") == small


def test_meeting_page_queries_do_not_grow_with_attendance(count_queries):
    small, large = f.MeetingFactory(), f.MeetingFactory()
    for _ in range(2):
        f.AttendanceFactory(meeting=small)
    for _ in range(20):
        f.AttendanceFactory(meeting=large)
    assert count_queries(f"/meetings/{small.slug}/") == count_queries(f"/meetings/{large.slug}/")


def test_strategy_page_queries_do_not_grow_with_milestones(count_queries):
    small, large = f.StrategyFactory(), f.StrategyFactory()
    hwb = "health_and_wellbeing_board"
    for _ in range(2):
        f.MilestoneFactory(strategy=small, system=small.system)
        f.ChapterFactory(strategy=small, owner_board=f.BoardFactory(system=small.system))
        f.NeedsAssessmentFactory(
            system=small.system,
            health_and_wellbeing_board=f.BoardFactory(system=small.system, kind=hwb),
        )
        f.ReconsiderationFactory(strategy=small)
    for _ in range(20):
        f.MilestoneFactory(strategy=large, system=large.system)
        f.ChapterFactory(strategy=large, owner_board=f.BoardFactory(system=large.system))
        f.NeedsAssessmentFactory(
            system=large.system,
            health_and_wellbeing_board=f.BoardFactory(system=large.system, kind=hwb),
        )
        f.ReconsiderationFactory(strategy=large)
    assert count_queries(f"/strategies/{small.slug}/") == count_queries(
        f"/strategies/{large.slug}/"
    )


def test_search_queries_do_not_grow_with_results(count_queries):
    def make(n, offset):
        for i in range(offset, offset + n):
            system = f.SystemFactory(name=f"Kernow system {i}")
            place = f.PlaceFactory(system=system, name=f"Kernow place {i}")
            f.ClusterFactory(place=place, name=f"Kernow cluster {i}")
            board = f.BoardFactory(system=system, name=f"Kernow board {i}")
            f.PersonFactory(name=f"Kernow person {i}")
            f.OrganisationFactory(system=system, name=f"Kernow organisation {i}")
            strategy = f.StrategyFactory(system=system, name=f"Kernow strategy {i}")
            f.MilestoneFactory(
                system=system,
                strategy=strategy,
                board=board,
                title=f"Kernow milestone {i}",
                date=datetime.date(2024, 1, 1),
                precision=DatePrecision.DAY,
            )

    make(1, 0)  # 7 matching rows
    small = count_queries("/search/?q=Kernow")
    make(7, 1)  # 56 matching rows, of which the page shows 50
    assert count_queries("/search/?q=Kernow") == small


def test_system_page_queries_do_not_grow_with_clusters(count_queries):
    small, *_ = build_system(clusters=3, slug="small")
    large, *_ = build_system(clusters=30, slug="large")

    assert count_queries("/systems/small/") == count_queries("/systems/large/")


def test_place_page_queries_do_not_grow_with_clusters(count_queries):
    build_system(clusters=3, slug="small")
    build_system(clusters=30, slug="large")

    assert count_queries("/places/small-place/") == count_queries("/places/large-place/")
