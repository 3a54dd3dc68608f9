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
