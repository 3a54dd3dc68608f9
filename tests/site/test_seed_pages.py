"""Every public page of the real seed data renders, shows what the papers say, and leaks
nothing private."""

import pytest

from partnerships.models import Board, Meeting, Person
from places.models import Place, System
from strategy.models import Strategy

pytestmark = pytest.mark.django_db


def public_urls():
    urls = ["/", "/meetings/", "/glossary/", "/accessibility/", "/search/?q=board"]
    urls += [f"/systems/{s.slug}/" for s in System.objects.real()]
    urls += [f"/systems/{s.slug}/calendar.ics" for s in System.objects.real()]
    urls += [f"/places/{p.slug}/" for p in Place.objects.filter(system__is_synthetic=False)]
    urls += [f"/boards/{b.slug}/" for b in Board.objects.public()]
    urls += [f"/people/{p.slug}/" for p in Person.objects.published()]
    urls += [f"/meetings/{m.slug}/" for m in Meeting.objects.public()]
    urls += [f"/strategies/{s.slug}/" for s in Strategy.objects.public()]
    return urls


def test_every_seed_page_renders_without_private_details(client, seeded):
    private = [
        value for person in Person.objects.all() for value in (person.email, person.phone) if value
    ]
    unpublished = [b.name for b in Board.objects.filter(is_published=False)]

    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for value in private + unpublished:
            assert value not in html, (url, value)


def test_seed_hiow_icp_page_shows_its_ten_principles_and_committees(client, seeded):
    html = client.get("/boards/hiow-icp/").content.decode()

    assert "Hampshire and Isle of Wight Integrated Care Partnership" in html
    assert "Distributed leadership model" in html
    assert "Learning system" in html
    assert "Engine Room" in html and "System Assembly" in html


def test_seed_hiow_system_diagram_has_its_places_and_clusters(client, seeded):
    html = client.get("/systems/hiow/").content.decode()
    svg = html[html.index('class="app-diagram ') : html.index("</svg>", html.index("app-diagram"))]

    for name in (
        "Southampton",
        "Portsmouth",
        "Isle of Wight",
        "Hampshire",
        "Andover",
        "Hampshire and Isle of Wight Integrated Care Partnership",
    ):
        assert name in svg, name


def test_seed_drafts_are_never_shown(client, seeded):
    html = client.get("/boards/hiow-icp-engine-room/").content.decode()

    assert "initial (draft, mid-2022)" not in html
    assert "No published terms of reference" in html


def test_seed_herefordshire_strategy_timeline_shows_the_annual_cycle(client, seeded):
    html = client.get("/strategies/hw-integrated-care-strategy/").content.decode()

    assert "May/June each year" in html
    assert "December/January each year" in html
    assert "Every year" in html


def test_seed_search_finds_southampton_from_a_misspelling(client, seeded):
    html = client.get("/search/?q=Southamton").content.decode()
    listing = html[html.index("app-search-results") :]

    assert listing.index('href="/places/southampton/"') < listing.index('href="/boards/')
    for board in Board.objects.filter(is_published=False):
        assert board.name not in html


def test_seed_meeting_cycles_are_the_papers_with_their_sources(client, seeded):
    from partnerships.models import MeetingCycle

    cycles = {
        (c.board.slug, c.description): (
            c.kind,
            c.first_month,
            c.last_month,
            c.per_year_min,
            c.per_year_max,
            c.source.slug,
        )
        for c in MeetingCycle.objects.select_related("board", "source")
    }
    hiow = "hiow-icp-principles-and-initial-terms-of-reference-2022"
    hw = "herefordshire-hwb-establishing-the-icp-2022"
    assert cycles == {
        # No months named: a frequency only, so no window is planned.
        ("hiow-icp-assembly", "Three to four sessions per year"): (
            "assembly", None, None, 3, 4, hiow
        ),
        # Two windows; the paper gives no number of meetings in each.
        ("hw-icp-assembly", "May/June each year (regular meeting 1)"): (
            "ordinary", 5, 6, None, None, hw
        ),
        ("hw-icp-assembly", "December/January each year (regular meeting 2)"): (
            "ordinary", 12, 1, None, None, hw
        ),
    }  # fmt: skip

    page = client.get("/boards/hw-icp-assembly/?as_at=2025-03-01").content.decode()
    assert "Regular cycle" in page and "Appendix 1 ¶8 timeline table" in page
    for window in (
        "May to June 2025",
        "December 2025 to January 2026",
        "May to June 2026",
        "December 2026 to January 2027",
    ):
        assert f"{window}: planned (ordinary meeting)" in page, window
    page = client.get("/boards/hiow-icp-assembly/?as_at=2025-03-01").content.decode()
    assert "Three to four sessions per year (assembly)" in page
    assert "Planned, not yet scheduled" not in page
