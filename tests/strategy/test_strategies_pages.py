"""A strategy's public page: priorities, chapters and their owners, and its timeline; a draft
strategy has no page."""

import datetime

import pytest

from icsgov.core.dates import DatePrecision
from strategy.choices import Recurrence
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_strategy_page_shows_priorities_chapters_owners_and_timeline(client):
    strategy = f.StrategyFactory(name="H&W integrated care strategy")
    owner = f.BoardFactory(system=strategy.system, name="One Herefordshire Partnership")
    f.PriorityFactory(strategy=strategy, name="Workforce")
    f.ChapterFactory(strategy=strategy, title="Herefordshire chapter", owner_board=owner)
    f.MilestoneFactory(
        strategy=strategy,
        system=strategy.system,
        title="ICPA regular meeting",
        date=datetime.date(2023, 5, 1),
        precision=DatePrecision.MONTH_RANGE,
        date_end=datetime.date(2023, 6, 1),
        recurrence=Recurrence.ANNUAL,
        recurrence_note="May/June each year",
    )
    f.MilestoneFactory(
        strategy=strategy,
        system=strategy.system,
        title="Interim strategy published",
        date=datetime.date(2022, 12, 1),
    )
    f.MilestoneFactory(
        strategy=strategy, system=strategy.system, title="Hidden", is_published=False
    )

    html = client.get(f"/strategies/{strategy.slug}/").content.decode()

    assert "Workforce" in html
    assert "Herefordshire chapter" in html and "One Herefordshire Partnership" in html
    assert "May/June each year" in html and "Every year" in html
    assert "December 2022" in html and "Past" in html
    assert "app-timeline__bar--range" in html
    assert "Hidden" not in html


def test_draft_strategy_is_not_found(client):
    strategy = f.StrategyFactory(status="draft")
    assert client.get(f"/strategies/{strategy.slug}/").status_code == 404
