"""The strategy app's compliance check: milestones past due and not done, judged at the
precision of their date."""

import datetime

from icsgov.core.checks import run_checks
from tests import factories as f

D = datetime.date


def found(system, on):
    return run_checks(system=system, as_at=on, check_ids=["milestones.overdue"])


def test_a_month_milestone_is_not_past_due_until_its_month_is_over(db):
    milestone = f.MilestoneFactory(title="Strategy approved", date=D(2022, 12, 1))
    assert found(milestone.system, D(2022, 12, 31)) == []
    [finding] = found(milestone.system, D(2023, 1, 1))
    assert finding.severity == "warning" and not finding.undecidable
    assert "'Strategy approved' was due December 2022" in finding.message
    assert "still recorded as planned" in finding.message


def test_a_done_or_cancelled_milestone_passes(db):
    system = f.SystemFactory()
    f.MilestoneFactory(system=system, date=D(2022, 1, 1), status="done")
    f.MilestoneFactory(system=system, date=D(2022, 1, 1), status="cancelled")
    f.MilestoneFactory(system=system, date=D(2022, 1, 1), recurrence="annual")
    assert found(system, D(2023, 1, 1)) == []


def test_a_past_milestone_whose_status_is_not_known_is_undecidable(db):
    milestone = f.MilestoneFactory(date=D(2022, 6, 1), status="unknown")
    [finding] = found(milestone.system, D(2023, 1, 1))
    assert finding.undecidable and "status is not known" in finding.message


def test_a_public_milestone_links_to_its_strategy_page(db):
    strategy = f.StrategyFactory()
    f.MilestoneFactory(system=strategy.system, strategy=strategy, date=D(2022, 6, 1))
    [finding] = found(strategy.system, D(2023, 1, 1))
    assert finding.public and finding.link == f"/strategies/{strategy.slug}/"


def test_an_unpublished_milestone_has_no_public_link(db):
    milestone = f.MilestoneFactory(date=D(2022, 6, 1), is_published=False)
    [finding] = found(milestone.system, D(2023, 1, 1))
    assert not finding.public and finding.link is None
