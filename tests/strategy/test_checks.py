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
    assert "'Strategy approved' was due in December 2022" in finding.message
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


# --- strategy.integrated-care-strategy (s116ZB) -------------------------------------------


def ics(system, on):
    return run_checks(system=system, as_at=on, check_ids=["strategy.integrated-care-strategy"])


def test_a_published_strategy_recording_its_involvement_passes(db):
    strategy = f.StrategyFactory(
        published_on=D(2022, 12, 1),
        published_precision="month",
        healthwatch_involvement="Healthwatch sat on the drafting group.",
        public_involvement="Twelve public workshops.",
    )
    assert ics(strategy.system, D(2023, 1, 1)) == []
    # December 2022 is not over on 15 December: whether it was published yet cannot be told.
    [finding] = ics(strategy.system, D(2022, 12, 15))
    assert finding.undecidable


def test_no_strategy_recorded_is_undecidable_not_a_breach(db):
    system = f.SystemFactory(name="Nowhere")
    [finding] = ics(system, D(2024, 1, 1))
    assert finding.undecidable and not finding.is_breach
    assert "No integrated care strategy of Nowhere is recorded" in finding.message


def test_a_strategy_past_its_due_date_and_not_published_is_an_error(db):
    strategy = f.StrategyFactory(
        name="Our strategy",
        status="draft",
        due_date=D(2022, 12, 1),
        due_precision="month",
        confirmed_on=D(2023, 1, 20),  # the secretariat confirmed it still a draft after it was due
    )
    [finding] = ics(strategy.system, D(2023, 2, 1))
    assert finding.is_breach
    assert "'Our strategy' was due in December 2022 and is not recorded as published" in (
        finding.message
    )
    assert finding.link is None  # a draft is not on the public record


def test_involvement_not_recorded_is_undecidable_naming_what_is_missing(db):
    strategy = f.StrategyFactory(published_on=D(2023, 1, 10), healthwatch_involvement="Yes")
    [finding] = ics(strategy.system, D(2023, 6, 1))
    assert finding.undecidable
    assert "does not say how the people who live or work in the area were involved" in (
        finding.message
    )
    assert "Healthwatch" not in finding.message.split("does not say")[1]


# --- strategy.joint-forward-plan (s14Z52) -------------------------------------------------


def jfp(system, on):
    return run_checks(system=system, as_at=on, check_ids=["strategy.joint-forward-plan"])


YEAR_2024 = D(2024, 4, 1)


def plan(system, published_on, precision="day", start=YEAR_2024, **extra):
    extra.setdefault("period_end", start.replace(year=start.year + 5) - datetime.timedelta(days=1))
    return f.StrategyFactory(
        system=system,
        name=f"Joint forward plan {start.year}",
        kind="joint_forward_plan",
        period_start=start,
        published_on=published_on,
        published_precision=precision,
        **extra,
    )


def test_a_plan_published_before_its_year_with_statements_passes(db):
    system = f.SystemFactory()
    plan(system, D(2024, 3, 20), hwb_statements="Both boards' statements are in annex B.")
    assert jfp(system, D(2024, 6, 1)) == []


def test_the_first_plans_were_due_by_30_june_2023(db):
    system = f.SystemFactory()
    plan(system, D(2023, 6, 28), start=D(2023, 4, 1), hwb_statements="Annex C.")
    assert jfp(system, D(2023, 9, 1)) == []


def test_a_plan_published_after_1_april_is_an_error(db):
    system = f.SystemFactory()
    plan(system, D(2024, 5, 2), hwb_statements="Annex B.")
    [finding] = jfp(system, D(2024, 6, 1))
    assert finding.is_breach
    assert "was published on 2 May 2024, not before 1 April 2024" in finding.message


def test_last_years_plan_does_not_serve_this_year(db):
    system = f.SystemFactory(name="Shire")
    plan(system, D(2024, 3, 20), hwb_statements="Annex B.")
    [finding] = jfp(system, D(2025, 5, 1))
    assert finding.is_breach and "prepared for 2025/26" in finding.message
    assert "(the latest recorded, 'Joint forward plan 2024', was published on 20 March 2024)" in (
        finding.message
    )


def test_a_march_or_april_plan_and_missing_statements_are_undecidable(db):
    system = f.SystemFactory()
    plan(system, D(2024, 1, 1), precision="year")  # some time in 2024: before April or after?
    [finding] = jfp(system, D(2024, 6, 1))
    assert finding.undecidable and "cannot be told from its publication date's precision" in (
        finding.message
    )
    other = f.SystemFactory()
    plan(other, D(2024, 3, 1), precision="month")
    [finding] = jfp(other, D(2024, 6, 1))
    assert finding.undecidable and "statements of their opinion are not recorded" in (
        finding.message
    )


def test_no_plan_recorded_is_undecidable(db):
    system = f.SystemFactory(name="Quiet")
    [finding] = jfp(system, D(2024, 6, 1))
    assert finding.undecidable and "No joint forward plan of Quiet's ICB is recorded" in (
        finding.message
    )


def test_the_strategy_checks_query_count_does_not_grow_with_systems(
    db, django_assert_max_num_queries
):
    systems = [f.SystemFactory() for _ in range(2)]
    for system in systems:
        plan(system, D(2024, 3, 20))
    ids = ["strategy.joint-forward-plan", "strategy.integrated-care-strategy"]
    with django_assert_max_num_queries(10) as few:
        run_checks(as_at=D(2024, 6, 1), check_ids=ids)
    for _ in range(5):
        plan(f.SystemFactory(), D(2024, 3, 20))
    with django_assert_max_num_queries(len(few.captured_queries)):
        run_checks(as_at=D(2024, 6, 1), check_ids=ids)


def test_the_strategy_page_and_api_say_what_involvement_is_recorded(client, db):
    strategy = f.StrategyFactory(slug="ours", healthwatch_involvement="On the steering group.")

    html = client.get("/strategies/ours/").content.decode()
    assert "On the steering group." in html
    assert "How the public was involved" in html and "Not recorded" in html
    assert f'href="/systems/{strategy.system.slug}/duties/"' in html
    row = client.get("/api/v1/strategies/ours/").json()
    assert row["healthwatch_involvement"] == "On the steering group."
    assert row["public_involvement"] == ""


def test_published_with_no_date_counts_today_but_not_for_a_past_date(db):
    strategy = f.StrategyFactory(
        published_on=None,
        due_date=D(2022, 12, 1),
        healthwatch_involvement="x",
        public_involvement="y",
    )
    assert ics(strategy.system, datetime.date.today()) == []
    [finding] = ics(strategy.system, D(2023, 1, 1))
    assert finding.undecidable and "its publication date is not known" in finding.message


def test_before_the_first_plans_deadline_nothing_is_due(db):
    system = f.SystemFactory()
    plan(system, None, start=D(2023, 4, 1), status="draft")
    assert jfp(system, D(2023, 6, 30)) == []
    [finding] = jfp(system, D(2023, 7, 1))
    assert finding.is_breach and "by 30 June 2023" in finding.message


def test_a_plan_published_with_no_date_is_undecidable_not_missing(db):
    system = f.SystemFactory()
    plan(system, None)
    [finding] = jfp(system, D(2024, 6, 1))
    assert finding.undecidable and "publication date (not recorded)" in finding.message


def test_a_plan_published_some_time_in_2023_may_be_last_years_or_this_years(db):
    system = f.SystemFactory()
    plan(system, D(2023, 1, 1), precision="year", hwb_statements="Annex.")
    [finding] = jfp(system, D(2024, 6, 1))
    assert finding.undecidable


def test_a_plan_ending_in_a_year_covers_its_whole_last_year(db):
    system = f.SystemFactory()
    plan(
        system,
        D(2028, 3, 1),
        precision="month",
        hwb_statements="Annex.",
        period_end=D(2028, 1, 1),  # "to 2028": the whole of 2028, so 2028/29 too
        period_end_precision="year",
    )
    assert jfp(system, D(2028, 6, 1)) == []


def test_an_unpublished_strategy_with_no_due_date_cannot_be_judged(db):
    strategy = f.StrategyFactory(name="Draft strategy", status="draft")
    [finding] = ics(strategy.system, D(2024, 1, 1))
    assert finding.undecidable and "no due date is recorded" in finding.message


def test_a_strategy_known_only_from_a_paper_before_its_due_date_is_undecidable(db):
    strategy = f.StrategyFactory(
        name="Paper strategy",
        status="in_development",
        due_date=D(2022, 12, 1),
        due_precision="month",
    )
    [finding] = ics(strategy.system, D(2023, 2, 1))
    assert finding.undecidable and "nothing since says whether it was published" in (
        finding.message
    )
