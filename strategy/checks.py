"""The strategy app's compliance checks (icsgov.core.checks): milestones past due and not done.

Registered in ``StrategyConfig.ready()``. A milestone is past due only when the whole period its
date stands for is over (icsgov.core.dates.not_over_q): a "December 2022" milestone is not past
due until 31 December 2022 is over.
"""

from django.db.models import BooleanField, Case, Value, When

from icsgov.core.checks import Check, Severity, register
from icsgov.core.dates import format_date, not_over_q
from icsgov.core.visibility import mark_links, public_q
from strategy.choices import MilestoneStatus, Recurrence
from strategy.models import Milestone
from strategy.search import milestone_page

#: Statuses that still expect the milestone to happen.
OPEN = (MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS)


def overdue_milestones(systems, date):
    """One-off milestones of ``systems`` whose period is over before ``date`` and that are
    planned or in progress (a warning), or whose status is not known (undecidable)."""
    by_system = {system.pk: system for system in systems}
    milestones = (
        mark_links(
            Milestone.objects.filter(system__in=by_system, recurrence=Recurrence.NONE)
            .exclude(not_over_q(date))
            .filter(status__in=(*OPEN, MilestoneStatus.UNKNOWN))
            .annotate(
                is_public_record=Case(
                    When(public_q(Milestone), then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            ),
            None,
        )
        .select_related("system", "strategy")
        .order_by("date", "title")
    )
    found = []
    for milestone in milestones:
        when = format_date(milestone.date, milestone.precision, milestone.date_end)
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


def register_checks():
    register(OVERDUE_MILESTONES)
