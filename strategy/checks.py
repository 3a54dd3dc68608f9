"""The strategy app's compliance checks (icsgov.core.checks): the integrated care strategy's
duties (s116ZB), the joint forward plan before each financial year (s14Z52), and milestones past
due and not done.

Registered in ``StrategyConfig.ready()``. A milestone is past due only when the whole period its
date stands for is over (icsgov.core.dates.not_over_q): a "December 2022" milestone is not past
due until 31 December 2022 is over.
"""

import dataclasses
import datetime

from django.urls import reverse

from icsgov.core.checks import Check, Severity, register
from icsgov.core.dates import format_date, format_when, not_over_q, today
from icsgov.core.models import period_last_day
from icsgov.core.visibility import mark_links, with_public_flag
from partnerships.choices import BoardKind
from partnerships.models import Board
from strategy.choices import (
    STRATEGY_KINDS_RECONSIDERED,
    MilestoneStatus,
    Recurrence,
    StrategyKind,
    StrategyStatus,
)
from strategy.models import Milestone, NeedsAssessment, Reconsideration, Strategy
from strategy.search import milestone_page

#: Statuses that still expect the milestone to happen.
OPEN = (MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS)


def overdue_milestones(systems, date):
    """One-off milestones of ``systems`` whose period is over before ``date`` and that are
    planned or in progress (a warning), or whose status is not known (undecidable)."""
    by_system = {system.pk: system for system in systems}
    milestones = (
        mark_links(
            with_public_flag(
                Milestone.objects.filter(system__in=by_system, recurrence=Recurrence.NONE)
            )
            .exclude(not_over_q(date))
            .filter(status__in=(*OPEN, MilestoneStatus.UNKNOWN)),
            None,
        )
        .select_related("system", "strategy")
        .order_by("date", "title")
    )
    found = []
    for milestone in milestones:
        when = format_when(milestone.date, milestone.precision, milestone.date_end)
        public = milestone.is_public_record
        link = milestone_page(milestone) if public else None
        if milestone.status == MilestoneStatus.UNKNOWN:
            message = (
                f"The milestone '{milestone.title}' was due {when}; its status is not known, so "
                "whether it was done cannot be told."
            )
        else:
            message = (
                f"The milestone '{milestone.title}' was due {when} and is still recorded as "
                f"{milestone.get_status_display().lower()} as at {format_date(date)}: record "
                "it done, missed or cancelled, or give its new date."
            )
        found.append(
            OVERDUE_MILESTONES.finding(
                by_system[milestone.system_id],
                milestone.title,
                message,
                link=link,
                public=public,
                undecidable=milestone.status == MilestoneStatus.UNKNOWN,
            )
        )
    return found


OVERDUE_MILESTONES = Check(
    id="milestones.overdue",
    severity=Severity.WARNING,
    title="Milestones past due and not done",
    source="The system's own plans: the integrated care strategy's and the ICB's joint forward "
    "plan's milestones (Health and Care Act 2022; LGPIHA 2007 s116ZB for the strategy).",
    source_url="https://www.legislation.gov.uk/ukpga/2007/28/section/116ZB",
    run=overdue_milestones,
    needs="System and place milestones with date, precision and status. Undecidable when the "
    "status is 'not known'. Annual and national milestones are not checked.",
)


def _public(strategy) -> bool:
    return strategy.is_public_record


def _page(strategy):
    return reverse("strategy:strategy", args=[strategy.slug]) if strategy.is_public_record else None


def _strategies(systems, kinds):
    return with_public_flag(Strategy.objects.filter(system__in=systems, kind__in=kinds)).order_by(
        "published_on", "name"
    )


def _published_by(strategy, date):
    """True when published by ``date`` (the whole period of an imprecise date over), False when
    not, None when an imprecise publication date straddles ``date``."""
    if strategy.status not in (StrategyStatus.PUBLISHED, StrategyStatus.SUPERSEDED):
        return False
    if strategy.published_on is None:
        # Published, date not recorded: published now, not known since when.
        return True if date >= today() else None
    if period_last_day(strategy.published_on, strategy.published_precision) <= date:
        return True
    return None if strategy.published_on <= date else False


STRATEGY_KINDS = STRATEGY_KINDS_RECONSIDERED


def integrated_care_strategy(systems, date):
    """Each system has a published integrated care strategy as at ``date`` once it was due,
    whose record says how Local Healthwatch and the public were involved. (Whether it was
    reconsidered after each joint strategic needs assessment is ``strategy.jsna-reconsidered``.)"""
    by_system = {system.pk: system for system in systems}
    found = []
    strategies = {}
    for strategy in _strategies(by_system, STRATEGY_KINDS).select_related("system", "source"):
        strategies.setdefault(strategy.system_id, []).append(strategy)
    on = format_date(date)
    for system in systems:
        own = strategies.get(system.pk, [])
        if not own:
            found.append(
                INTEGRATED_CARE_STRATEGY.finding(
                    system,
                    system,
                    f"No integrated care strategy of {system} is recorded, so whether its "
                    f"integrated care partnership had published one as at {on} cannot be told.",
                    link=None if system.is_synthetic else reverse("system", args=[system.slug]),
                    public=not system.is_synthetic,
                    undecidable=True,
                )
            )
            continue
        published = [s for s in own if _published_by(s, date)]
        if not published:
            due = [
                s for s in own if s.due_date and period_last_day(s.due_date, s.due_precision) < date
            ]
            unsure = [s for s in own if _published_by(s, date) is None]
            if not any(s.due_date for s in own):
                latest = own[-1]
                found.append(
                    INTEGRATED_CARE_STRATEGY.finding(
                        system,
                        latest,
                        f"The integrated care strategy '{latest}' is not recorded as published "
                        f"as at {on}, and no due date is recorded, so whether it is late cannot "
                        "be told.",
                        link=_page(latest),
                        public=_public(latest),
                        undecidable=True,
                    )
                )
                continue
            for strategy in due:
                when = format_when(strategy.due_date, strategy.due_precision)
                # A record known only from a paper written before the strategy was due cannot
                # say it was not published: nothing has been recorded about it since.
                known = strategy.known_as_of
                stale = known is None or period_last_day(known[0], known[1]) <= period_last_day(
                    strategy.due_date, strategy.due_precision
                )
                if strategy in unsure:
                    why = " (its publication date is not known)."
                elif stale:
                    since = f" of {format_date(*known)}" if known else ""
                    why = (
                        f"; the record is from a paper{since}, before it was due, and nothing "
                        "since says whether it was published."
                    )
                else:
                    why = "."
                found.append(
                    INTEGRATED_CARE_STRATEGY.finding(
                        system,
                        strategy,
                        f"The integrated care strategy '{strategy}' was due {when} and is not "
                        f"recorded as published as at {on}{why}",
                        link=_page(strategy),
                        public=_public(strategy),
                        undecidable=strategy in unsure or stale,
                    )
                )
            continue
        latest = published[-1]
        missing = [
            what
            for what, value in (
                ("how Local Healthwatch was involved", latest.healthwatch_involvement),
                (
                    "how the people who live or work in the area were involved",
                    latest.public_involvement,
                ),
            )
            if not value.strip()
        ]
        if missing:
            found.append(
                INTEGRATED_CARE_STRATEGY.finding(
                    system,
                    latest,
                    f"The integrated care strategy '{latest}' is published, but the record does "
                    f"not say {' or '.join(missing)}: whether the partnership involved them as "
                    "s116ZB requires cannot be told.",
                    link=_page(latest),
                    public=_public(latest),
                    undecidable=True,
                )
            )
    return found


INTEGRATED_CARE_STRATEGY = Check(
    id="strategy.integrated-care-strategy",
    severity=Severity.ERROR,
    title="The integrated care partnership has published its integrated care strategy, "
    "involving Local Healthwatch and the public",
    source="Local Government and Public Involvement in Health Act 2007 s116ZB, inserted by the "
    "Health and Care Act 2022 s26: the ICP must prepare an integrated care strategy, involve "
    "Local Healthwatch and the people who live or work in the area, consider revising it each "
    "time it receives a joint strategic needs assessment, and publish it.",
    source_url="https://www.legislation.gov.uk/ukpga/2007/28/section/116ZB",
    run=integrated_care_strategy,
    public_duty=True,
    needs="Integrated care strategies (and interim ones) with status, due and publication "
    "dates at their precision, and how Healthwatch and the public were involved. Undecidable "
    "when no strategy is recorded, a publication date straddles the date, or the involvement "
    "is not recorded. Its reconsideration after each joint strategic needs assessment is the "
    "check strategy.jsna-reconsidered.",
)


def _assessment_name(assessment):
    board = assessment.health_and_wellbeing_board
    by = f"{assessment.council}" + (f" ({board})" if board else "")
    return f"The joint strategic needs assessment '{assessment}' of {by}"


def jsna_reconsidered(systems, date):
    """For each joint strategic needs assessment a system's integrated care partnership
    received on or before ``date`` while it had an integrated care strategy, a reconsideration
    of that strategy dated on or after the receipt and on or before ``date`` (s116ZB(6)).

    Received before the first strategy was published: not checked (the strategy prepared
    after it answers for it, s116ZB(1)). No published strategy: nothing to reconsider (the
    strategy check reports it). No assessment recorded: information, "not recorded". Dates
    are compared at their precision: a reconsideration counts as after the receipt when its
    period starts on or after the last day of the receipt's period; when the periods overlap,
    which came first cannot be told (undecidable)."""
    by_system = {system.pk: system for system in systems}
    on = format_date(date)
    strategies = {}
    for strategy in _strategies(by_system, STRATEGY_KINDS):
        if _published_by(strategy, date):
            strategies.setdefault(strategy.system_id, []).append(strategy)
    reconsidered = {}
    for row in (
        Reconsideration.objects.filter(
            strategy__system__in=by_system,
            strategy__kind__in=STRATEGY_KINDS,
            considered_on__lte=date,
        )
        .values_list("strategy__system_id", "considered_on", "considered_precision")
        .order_by("considered_on")
    ):
        reconsidered.setdefault(row[0], []).append((row[1], period_last_day(row[1], row[2])))
    assessments = {}
    for assessment in (
        with_public_flag(NeedsAssessment.objects.filter(system__in=by_system))
        .select_related("council", "health_and_wellbeing_board")
        .order_by("received_on", "title")
    ):
        if assessment.received_on is not None and assessment.received_on > date:
            continue  # not yet received on the date
        if assessment.received_on is None and (
            assessment.published_on is not None and assessment.published_on > date
        ):
            continue  # not yet published on the date, so not yet received
        assessments.setdefault(assessment.system_id, []).append(assessment)
    # The duty is the statutory ICP's: its findings name it as their body (the API's ``body``).
    icps = {}
    for board in (
        Board.objects.filter(system__in=by_system, kind=BoardKind.STATUTORY_ICP)
        .as_at(date)
        .order_by("start_date", "pk")
    ):
        icps.setdefault(board.system_id, board)
    found = []
    for system in systems:
        published = strategies.get(system.pk)
        if not published:
            continue
        latest = published[-1]
        link = f"{_page(latest)}#needs-assessments" if _page(latest) else None
        icp = icps.get(system.pk)
        own = assessments.get(system.pk, [])
        if not own:
            finding = JSNA_RECONSIDERED.finding(
                system,
                latest,
                f"No joint strategic needs assessment received by {system}'s integrated care "
                f"partnership is recorded as at {on}, so whether it reconsidered its integrated "
                "care strategy after each one cannot be told (not recorded).",
                link=link,
                public=_public(latest),
                undecidable=True,
                body=icp,
            )
            found.append(dataclasses.replace(finding, severity=Severity.INFORMATION))
            continue
        first = min((s.published_on for s in published if s.published_on), default=None)
        times = reconsidered.get(system.pk, [])
        for assessment in own:
            name = _assessment_name(assessment)
            public = assessment.is_public_record and _public(latest)

            def finding(
                message,
                undecidable=False,
                assessment=assessment,
                public=public,
                system=system,
                link=link,
                icp=icp,
            ):
                return JSNA_RECONSIDERED.finding(
                    system,
                    assessment,
                    message,
                    link=link if public else None,
                    public=public,
                    undecidable=undecidable,
                    body=icp,
                )

            if assessment.received_on is None:
                found.append(
                    finding(
                        f"{name}: when the integrated care partnership received it is not "
                        "recorded, so whether the partnership then considered revising its "
                        "integrated care strategy cannot be told.",
                        undecidable=True,
                    )
                )
                continue
            received = format_when(assessment.received_on, assessment.received_precision)
            last_day = period_last_day(assessment.received_on, assessment.received_precision)
            if first is not None and last_day < first:
                continue  # received before the first strategy: its preparation answers for it
            if last_day > date:
                found.append(
                    finding(
                        f"{name} was received by the integrated care partnership {received}: "
                        f"whether it had been received by {on} cannot be told from the date's "
                        "precision.",
                        undecidable=True,
                    )
                )
                continue
            if any(start >= last_day for start, _ in times):
                continue  # reconsidered on or after the receipt
            unsure = [start for start, end in times if end >= assessment.received_on]
            if unsure:
                found.append(
                    finding(
                        f"{name} was received by the integrated care partnership {received} "
                        "and the strategy's reconsideration is dated "
                        f"{format_date(unsure[-1])}: the dates' precision cannot tell whether "
                        "the reconsideration came after the receipt.",
                        undecidable=True,
                    )
                )
                continue
            found.append(
                finding(
                    f"{name} was received by the integrated care partnership {received}, and "
                    "no reconsideration of the integrated care strategy on or after it is "
                    f"recorded as at {on}: each time it receives one, the partnership must "
                    "consider whether to revise the strategy (s116ZB(6))."
                )
            )
    return found


JSNA_RECONSIDERED = Check(
    id="strategy.jsna-reconsidered",
    severity=Severity.ERROR,
    title="The integrated care partnership reconsidered its strategy after each joint strategic "
    "needs assessment it received",
    source="Local Government and Public Involvement in Health Act 2007 s116ZB(6), inserted by "
    "the Health and Care Act 2022 s26: each time an integrated care partnership receives an "
    "assessment of relevant needs under section 116(5A), it must consider whether the current "
    "integrated care strategy should be revised and, if so, prepare a revised strategy.",
    source_url="https://www.legislation.gov.uk/ukpga/2007/28/section/116ZB",
    run=jsna_reconsidered,
    public_duty=True,
    needs="Joint strategic needs assessments with the council (and health and wellbeing "
    "board) they came from and when the partnership received them, at its precision; the "
    "integrated care strategy's reconsiderations with their dates. Undecidable when the "
    "receipt is not recorded or the dates' precision cannot order the receipt and the "
    "reconsideration; information when no assessment is recorded. The Act sets no time "
    "within which to reconsider: a receipt with none recorded since is reported.",
)


#: The first joint forward plans (2023/24) were to be published by 30 June 2023 (NHS England,
#: Guidance on developing the joint forward plan); later ones before their 1 April.
FIRST_PLAN_YEAR, FIRST_PLAN_DEADLINE = 2023, datetime.date(2023, 6, 30)


def _financial_year(date):
    """The 1 April starting the financial year that ``date`` falls in."""
    year = date.year if date.month >= 4 else date.year - 1
    return datetime.date(year, 4, 1)


def joint_forward_plan(systems, date):
    """For the financial year ``date`` is in (from 2023/24), each system's ICB has a joint
    forward plan covering it, published in the year before it started (the first by 30 June
    2023), with the health and wellbeing boards' statements recorded."""
    start = _financial_year(date)
    if start.year < FIRST_PLAN_YEAR:
        return []
    # The last day a timely plan may be published on, and how the messages say it.
    if start.year == FIRST_PLAN_YEAR:
        deadline, by = FIRST_PLAN_DEADLINE, f"by {format_date(FIRST_PLAN_DEADLINE)}"
    else:
        deadline, by = start - datetime.timedelta(days=1), f"before {format_date(start)}"
    year = f"{start.year}/{str(start.year + 1)[2:]}"
    by_system = {system.pk: system for system in systems}
    plans = {}
    for plan in _strategies(by_system, [StrategyKind.JOINT_FORWARD_PLAN]).select_related("system"):
        plans.setdefault(plan.system_id, []).append(plan)
    # Prepared for this year: published in the year before its 1 April (the first by the
    # deadline); one published earlier was last year's, however long a period it covers. Each
    # answer is True, False or None (the date or its precision cannot tell).
    window = start.replace(year=start.year - 1)

    def this_years(p):
        if start.year == FIRST_PLAN_YEAR:
            return True
        if p.published_on is None:
            return None
        if p.published_on >= window:
            return True
        return None if period_last_day(p.published_on, p.published_precision) >= window else False

    def covers(p):
        if p.period_start is not None and p.period_start > start:
            return False
        return (
            p.period_end is None or period_last_day(p.period_end, p.period_end_precision) >= start
        )

    found = []
    for system in systems:
        own = plans.get(system.pk, [])

        def finding(record, message, undecidable=False, system=system):
            return JOINT_FORWARD_PLAN.finding(
                system,
                record,
                message,
                link=_page(record) if isinstance(record, Strategy) else None,
                public=_public(record) if isinstance(record, Strategy) else not system.is_synthetic,
                undecidable=undecidable,
            )

        if not own:
            found.append(
                finding(
                    system,
                    f"No joint forward plan of {system}'s ICB is recorded, so whether one was "
                    f"prepared for {year} cannot be told.",
                    undecidable=True,
                )
            )
            continue
        covering = [p for p in own if covers(p)]
        timely = [p for p in covering if this_years(p) and _published_by(p, deadline)]
        if not timely:
            if date <= deadline:
                continue  # before the first plans' deadline (30 June 2023): not yet due
            unsure = [
                p
                for p in covering
                if this_years(p) is not False
                and _published_by(p, deadline) is not False
                and (this_years(p) is None or _published_by(p, deadline) is None)
            ]
            late = [p for p in covering if this_years(p) and _published_by(p, date)]
            earlier = [p for p in own if p.published_on and this_years(p) is False]
            if unsure:
                found.append(
                    finding(
                        unsure[-1],
                        f"The joint forward plan '{unsure[-1]}' covers {year}; whether it was "
                        f"published {by} cannot be told from its publication date"
                        + (
                            " (not recorded)."
                            if unsure[-1].published_on is None
                            else "'s precision."
                        ),
                        undecidable=True,
                    )
                )
            elif late:
                plan = late[-1]
                found.append(
                    finding(
                        plan,
                        f"The joint forward plan '{plan}' for {year} was published "
                        f"{format_when(plan.published_on, plan.published_precision)}, not {by}: "
                        "it must be prepared before the year starts.",
                    )
                )
            else:
                last = (
                    f" (the latest recorded, '{earlier[-1]}', was published "
                    f"{format_when(earlier[-1].published_on, earlier[-1].published_precision)})"
                    if earlier
                    else ""
                )
                found.append(
                    finding(
                        system,
                        f"No joint forward plan of {system}'s ICB prepared for {year} is "
                        f"recorded as published {by}{last}; the ICB and its partner trusts "
                        "must prepare one before each financial year.",
                    )
                )
            continue
        plan = timely[-1]
        if not plan.hwb_statements.strip():
            found.append(
                finding(
                    plan,
                    f"The joint forward plan '{plan}' for {year}: the health and wellbeing "
                    "boards' statements of their opinion are not recorded.",
                    undecidable=True,
                )
            )
    return found


JOINT_FORWARD_PLAN = Check(
    id="strategy.joint-forward-plan",
    severity=Severity.ERROR,
    title="The ICB's joint forward plan is prepared before each financial year",
    source="National Health Service Act 2006 s14Z52, inserted by the Health and Care Act 2022: "
    "before the start of each financial year the ICB and its partner NHS trusts and foundation "
    "trusts must prepare and publish a five-year plan; NHS England's guidance: the first by 30 "
    "June 2023, each consulting the health and wellbeing boards and including their opinion.",
    source_url="https://www.legislation.gov.uk/ukpga/2006/41/section/14Z52",
    run=joint_forward_plan,
    public_duty=True,
    needs="Joint forward plans with status, the period they cover and their publication date at "
    "its precision, and the health and wellbeing boards' statements. Undecidable when no plan "
    "is recorded, a publication date's precision straddles the deadline, or the statements are "
    "not recorded. Checked from 2023/24, for the financial year the date falls in.",
)


def register_checks():
    register(INTEGRATED_CARE_STRATEGY)
    register(JOINT_FORWARD_PLAN)
    register(JSNA_RECONSIDERED)
    register(OVERDUE_MILESTONES)
