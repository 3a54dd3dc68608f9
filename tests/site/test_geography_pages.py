"""The system and place pages (icsgov.views.geography): the structure drawn and listed, what is
left out of it, the places, strategies and cluster leads, and nothing of synthetic systems."""

import datetime

import pytest

from partnerships.choices import BoardKind, BoardStatus
from tests import factories as f
from tests.helpers.systems import build_system

pytestmark = pytest.mark.django_db


def diagram(html):
    start = html.index('class="app-diagram ')
    return html[start : html.index("</svg>", start)]


def test_system_page_draws_the_structure_and_lists_it(client):
    system, icb, icp, place = build_system()

    response = client.get("/systems/hiow/")

    html = response.content.decode()
    assert response.status_code == 200
    svg = diagram(html)
    for name in (
        "HIOW ICB Board",
        "HIOW ICP",
        "ICP Engine Room",
        "ICP Assembly",
        "Hampshire",
        "South West Hampshire",
        "Cluster 1",
        "Cluster 1 board hiow",
        "Hampshire HWB",
    ):
        assert name in svg
    assert 'role="group"' in svg and "<title" in svg and "<desc" in svg
    # Each box with a page links to it (the list below gives keyboards the same links).
    assert f'<a href="/boards/{icb.slug}/" tabindex="-1"' in svg
    structure_list = html[html.index('class="app-structure-list"') :]
    # The nested list: the ICP's committees are inside the ICP's item.
    icp_item = structure_list[structure_list.index(">HIOW ICP<") :]
    assert icp_item.index("ICP Engine Room") < icp_item.index("</ul>")
    assert f'href="/boards/{icb.slug}/"' in structure_list
    assert 'href="/places/hampshire/"' in structure_list


def test_system_structure_leaves_out_ended_dissolved_and_unpublished_bodies(client):
    system, *_ = build_system()
    f.BoardFactory(
        system=system,
        name="Old STP board",
        start_date=datetime.date(2018, 1, 1),
        end_date=datetime.date(2022, 6, 30),
    )
    f.BoardFactory(
        system=system,
        name="Dissolved forum",
        status=BoardStatus.DISSOLVED,
        end_date=datetime.date(2023, 3, 31),
    )
    f.BoardFactory(system=system, name="Secret board", is_published=False)

    html = client.get("/systems/hiow/").content.decode()
    svg = diagram(html)

    assert "Old STP board" not in svg and "Dissolved forum" not in svg
    assert "Old STP board" in html  # still listed among the system's bodies
    assert "Secret board" not in html


def test_system_page_lists_places_and_published_strategies_only(client):
    system, *_ = build_system()
    f.StrategyFactory(system=system, name="Interim integrated care strategy")
    f.StrategyFactory(system=system, name="Draft strategy", status="draft")

    html = client.get("/systems/hiow/").content.decode()

    assert "Interim integrated care strategy" in html
    assert "Draft strategy" not in html
    assert "/systems/hiow/calendar.ics" in html


def test_synthetic_systems_are_neither_listed_nor_shown(client):
    f.SystemFactory(name="Real System", slug="real")
    f.SystemFactory(name="Benchmark System 999", slug="bench", is_synthetic=True)

    home = client.get("/").content.decode()

    assert "Real System" in home
    assert "Benchmark System 999" not in home
    assert client.get("/systems/bench/").status_code == 404


def test_place_page_shows_areas_clusters_bodies_and_strategy(client):
    system, icb, icp, place = build_system()
    f.StrategyFactory(system=system, place=place, name="Hampshire place strategy")

    html = client.get("/places/hampshire/").content.decode()

    assert "South West Hampshire" in html
    assert "Cluster 0" in html
    assert "Hampshire HWB" in html
    assert "Cluster 0 board hiow" in html
    assert "Hampshire place strategy" in html


def test_place_page_names_each_clusters_lead(client):
    from partnerships.choices import Role

    system, icb, icp, place = build_system(clusters=1)
    board = place.clusters.get(name="Cluster 0").boards.get()
    f.MembershipFactory(post__board=board, post__role=Role.LEAD, person__name="Dr Cluster Lead")

    html = client.get("/places/hampshire/").content.decode()

    assert "Dr Cluster Lead" in html


def test_places_strategies_and_meetings_of_synthetic_systems_are_not_found(client):
    synthetic = f.SystemFactory(is_synthetic=True)
    place = f.PlaceFactory(system=synthetic)
    strategy = f.StrategyFactory(system=synthetic)
    meeting = f.MeetingFactory(board__system=synthetic)

    assert client.get(f"/places/{place.slug}/").status_code == 404
    assert client.get(f"/strategies/{strategy.slug}/").status_code == 404
    assert client.get(f"/meetings/{meeting.slug}/").status_code == 404
    assert client.get(f"/systems/{synthetic.slug}/calendar.ics").status_code == 404


def test_system_page_puts_the_icb_icp_and_place_boards_first_and_folds_the_rest(client):
    system = f.SystemFactory(slug="weights", name="Weighted system")
    f.BoardFactory(system=system, name="Zed ICB board", kind=BoardKind.ICB_BOARD)
    f.BoardFactory(system=system, name="Alpha workstream", kind=BoardKind.DELIVERY_GROUP)
    f.BoardFactory(
        system=system,
        name="Old joint board",
        kind=BoardKind.JOINT_COMMISSIONING_BOARD,
        start_date=datetime.date(2014, 1, 1),
        start_precision="year",
        end_date=datetime.date(2022, 10, 1),
        end_precision="month",
        status=BoardStatus.DISSOLVED,
    )

    html = client.get("/systems/weights/").content.decode()
    bodies = html.split('id="bodies"', 1)[1]
    leading, rest = bodies.split("<details", 1)
    assert "Zed ICB board" in leading and "Alpha workstream" not in leading
    folded = rest.split("Ended, not yet started or only proposed (1)", 1)
    assert "Alpha workstream" in folded[0]
    assert "Old joint board" in folded[1]
    # Its status in words that do not mislead: existed from, dissolved when.
    assert "Existed from 2014; dissolved October 2022" in folded[1]
    assert "Dissolved since" not in html


def test_system_page_shows_milestones_no_published_strategy_holds(client):
    system = f.SystemFactory(slug="timeline-system")
    f.MilestoneFactory(system=system, strategy=None, title="System go-live")
    strategy = f.StrategyFactory(system=system)
    f.MilestoneFactory(system=system, strategy=strategy, title="Strategy milestone")

    html = client.get("/systems/timeline-system/").content.decode()
    milestones = html.split('id="milestones"', 1)[1]
    assert "System go-live" in milestones
    assert "Strategy milestone" not in milestones


def test_place_page_says_once_that_no_population_is_given_and_folds_a_long_cluster_list(client):
    system = f.SystemFactory(slug="pop-system")
    place = f.PlaceFactory(system=system, slug="pop-place", name="Popton")
    for n in range(12):
        f.ClusterFactory(place=place, name=f"Popton cluster {n}", population=None)

    html = client.get("/places/pop-place/").content.decode()
    clusters = html.split("<h2>Clusters</h2>", 1)[1].split("<h2>Bodies</h2>", 1)[0]
    assert "Not given" not in clusters
    assert clusters.count("The papers give no population for these clusters.") == 1
    assert "<details" in clusters and "The 12 clusters" in clusters
