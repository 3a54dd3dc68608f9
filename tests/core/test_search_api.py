"""/api/v1/search/: ranked, typo-tolerant, published records only for anonymous clients."""

import pytest

from partnerships.choices import BoardKind
from tests import factories


@pytest.fixture
def southampton(db):
    system = factories.SystemFactory(name="Hampshire and Isle of Wight", slug="hiow")
    place = factories.PlaceFactory(system=system, name="Southampton", slug="southampton")
    board = factories.BoardFactory(
        system=system,
        place=place,
        name="Southampton Health and Care Partnership Board",
        kind=BoardKind.PLACE_PARTNERSHIP_BOARD,
    )
    factories.BoardFactory(system=system, name="Portsmouth Health and Wellbeing Board")
    return place, board


def search(client, query):
    response = client.get(f"/api/v1/search/?{query}")
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_a_misspelt_name_still_finds_the_place_first(api, southampton):
    place, board = southampton
    hits = search(api, "q=Southamton")
    assert [(h["type"], h["slug"]) for h in hits[:2]] == [
        ("place", place.slug),
        ("board", board.slug),
    ]
    assert hits[0]["url"] == f"http://testserver/api/v1/places/{place.slug}/"
    assert "Portsmouth" not in str(hits)


def test_words_in_any_order_find_the_board(api, southampton):
    place, board = southampton
    hits = search(api, "q=partnership+care+southampton&type=board")
    assert [h["slug"] for h in hits] == [board.slug]


def test_accents_are_ignored(api, db):
    person = factories.PersonFactory(name="Zoë Brontë")
    assert [h["slug"] for h in search(api, "q=Zoe+Bronte")] == [person.slug]


def test_anonymous_search_finds_published_records_only(api, staff_api, db):
    hidden = factories.PersonFactory(name="Persephone Unpublished", is_published=False)
    factories.StrategyFactory(name="Persephone draft strategy", status="draft")
    assert search(api, "q=Persephone") == []
    assert hidden.slug in [h["slug"] for h in search(staff_api, "q=Persephone")]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "q=", "q=x&type=planet", "q=x&limit=many", "q=x&limit=0"])
def test_bad_search_parameters_are_400(api, query):
    response = api.get(f"/api/v1/search/?{query}")
    assert response.status_code == 400
    assert response.json()["detail"]


def test_each_hit_says_why_it_matched_and_a_typo_says_what_was_searched(api, southampton):
    place, board = southampton
    strategy = factories.StrategyFactory(system=board.system)
    priority = factories.PriorityFactory(
        strategy=strategy, name="Workforce", description="Grow and keep our own staff."
    )

    typo = api.get("/api/v1/search/?q=Southamton").json()
    assert typo["corrected"] == "Southampton"
    assert typo["results"][0]["matched"] == "name"
    assert typo["results"][0]["snippet"] == ""

    found = api.get("/api/v1/search/?q=staff").json()
    assert found["corrected"] is None
    [hit] = found["results"]
    assert hit["type"] == "priority" and hit["slug"] is None
    assert hit["url"] == f"http://testserver/api/v1/priorities/{priority.pk}/"
    assert hit["matched"] == "text"
    assert "Grow and keep our own staff" in hit["snippet"]
    assert "\x02" not in hit["snippet"]
