"""Strategies through the API: priorities (and glossary terms) are addressed by id; a strategy's
detail gives its chapters and priorities in order, and its dates with their precision."""

import datetime

import pytest

from icsgov.core.dates import DatePrecision
from tests import factories
from tests.helpers.api import results


@pytest.mark.django_db
def test_priorities_and_glossary_are_addressed_by_id(api):
    priority = factories.PriorityFactory(name="Workforce")
    row = api.get(f"/api/v1/priorities/{priority.pk}/").json()
    assert row["id"] == priority.pk
    assert row["strategy"]["slug"] == priority.strategy.slug
    term = factories.GlossaryTermFactory(term="Integrated care partnership", acronym="ICP")
    assert [r["id"] for r in results(api.get("/api/v1/glossary/?q=icp"))] == [term.pk]


@pytest.mark.django_db
def test_a_strategy_detail_gives_its_chapters_and_priorities_in_order(api):
    strategy = factories.StrategyFactory(
        slug="hiow-interim-strategy",
        period_start=datetime.date(2023, 1, 1),
        period_start_precision=DatePrecision.YEAR,
        published_on=datetime.date(2022, 12, 1),
        published_precision=DatePrecision.MONTH,
    )
    factories.ChapterFactory(strategy=strategy, number=2, title="Second")
    factories.ChapterFactory(strategy=strategy, number=1, title="First")
    factories.PriorityFactory(strategy=strategy, order=2, name="Workforce")
    factories.PriorityFactory(strategy=strategy, order=1, name="Prevention")
    row = api.get("/api/v1/strategies/hiow-interim-strategy/").json()
    assert [c["title"] for c in row["chapters"]] == ["First", "Second"]
    assert row["chapters"][0]["url"].startswith("http://testserver/api/v1/chapters/")
    assert [p["name"] for p in row["priorities"]] == ["Prevention", "Workforce"]
    assert (row["period_start"], row["period_start_precision"]) == ("2023-01-01", "year")
    assert (row["published_on"], row["published_precision"]) == ("2022-12-01", "month")
    listed = results(api.get("/api/v1/strategies/"))[0]
    assert "chapters" not in listed and "priorities" not in listed
    assert listed["period_start_precision"] == "year"
