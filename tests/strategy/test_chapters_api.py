"""Chapters through the API: each with its strategy, scope, place, owning body and overseeing
body; filtered by strategy, place, body (owning or overseeing) and scope. A chapter of a draft
strategy is never public; a link to a private body is null."""

import pytest

from strategy.choices import StrategyStatus
from tests import factories
from tests.helpers.api import results


@pytest.fixture
def hw_strategy(db):
    system = factories.SystemFactory(slug="hw")
    herefordshire = factories.PlaceFactory(system=system, slug="herefordshire")
    board = factories.BoardFactory(system=system, slug="herefordshire-hwb")
    icp = factories.BoardFactory(system=system, slug="hw-icp")
    strategy = factories.StrategyFactory(system=system, slug="hw-ics-strategy")
    factories.ChapterFactory(
        strategy=strategy,
        number=1,
        title="Herefordshire",
        scope="place",
        place=herefordshire,
        owner_board=board,
        overseen_by=icp,
    )
    factories.ChapterFactory(strategy=strategy, number=3, title="System", owner_board=icp)
    return strategy


def titles(response):
    return [row["title"] for row in results(response)]


def test_a_chapter_names_its_strategy_place_and_bodies(api, hw_strategy):
    chapter = hw_strategy.chapters.get(number=1)
    row = api.get(f"/api/v1/chapters/{chapter.pk}/").json()
    assert row["url"] == f"http://testserver/api/v1/chapters/{chapter.pk}/"
    assert row["strategy"]["slug"] == "hw-ics-strategy"
    assert (row["number"], row["scope"]) == (1, "place")
    assert row["place"]["slug"] == "herefordshire"
    assert row["owner_board"]["slug"] == "herefordshire-hwb"
    assert row["overseen_by"]["slug"] == "hw-icp"
    assert {"source", "source_section", "known_as_of"} <= set(row)


def test_chapters_filter_by_strategy_place_body_and_scope(api, hw_strategy):
    factories.ChapterFactory(title="Elsewhere")
    url = "/api/v1/chapters/"
    assert titles(api.get(f"{url}?strategy=hw-ics-strategy&ordering=number")) == [
        "Herefordshire",
        "System",
    ]
    assert titles(api.get(f"{url}?place=herefordshire")) == ["Herefordshire"]
    # The ICP owns one chapter and oversees the other.
    assert titles(api.get(f"{url}?board=hw-icp&ordering=-number")) == ["System", "Herefordshire"]
    assert titles(api.get(f"{url}?board=herefordshire-hwb")) == ["Herefordshire"]
    assert titles(api.get(f"{url}?system=hw&scope=system")) == ["System"]
    assert api.get(f"{url}?scope=national").status_code == 400


def test_a_link_to_a_private_body_is_null(api, staff_api, hw_strategy):
    hidden = factories.BoardFactory(system=hw_strategy.system, is_published=False)
    chapter = factories.ChapterFactory(strategy=hw_strategy, number=2, owner_board=hidden)
    assert api.get(f"/api/v1/chapters/{chapter.pk}/").json()["owner_board"] is None
    assert staff_api.get(f"/api/v1/chapters/{chapter.pk}/").json()["owner_board"]["slug"] == (
        hidden.slug
    )


def test_chapters_of_a_draft_strategy_are_never_public(api, staff_api, hw_strategy):
    chapter = factories.ChapterFactory(strategy__status=StrategyStatus.DRAFT, title="Draft chapter")
    assert "Draft chapter" not in titles(api.get("/api/v1/chapters/"))
    assert api.get(f"/api/v1/chapters/{chapter.pk}/").status_code == 404
    assert staff_api.get(f"/api/v1/chapters/{chapter.pk}/").status_code == 200
