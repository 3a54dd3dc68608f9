"""Milestones: dated events kept at the precision the papers give."""

import pghistory
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from icsgov.core.dates import DatePrecision, format_date, not_over_q, period_end, today
from icsgov.core.models import (
    CheckedModel,
    PublishableModel,
    PublishableQuerySet,
    SluggedModel,
    SourcedModel,
)
from icsgov.core.periods import Period, order_message, period_errors
from icsgov.core.scoping import Scope
from strategy.choices import MilestoneStatus, Recurrence
from strategy.choices import Scope as MilestoneScope

SCOPE_MESSAGE = (
    "A national milestone has no system or place; a system milestone has its system and no "
    "place; a place milestone has its place and that place's system."
)


def scope_errors(scope, system_id, place_id) -> dict:
    """{field: message} when the milestone's scope and its system and place disagree."""
    if scope == MilestoneScope.NATIONAL:
        if system_id or place_id:
            return {"scope": SCOPE_MESSAGE}
    elif scope == MilestoneScope.SYSTEM:
        if not system_id:
            return {"system": "A system milestone needs its system."}
        if place_id:
            return {"place": "A system milestone has no place; make it a place milestone."}
    elif scope == MilestoneScope.PLACE:
        if not place_id:
            return {"place": "A place milestone needs its place."}
        if not system_id:
            return {"system": "A place milestone needs its place's system too."}
    return {}


class MilestoneQuerySet(PublishableQuerySet):
    def national(self):
        return self.filter(scope=MilestoneScope.NATIONAL)

    def upcoming(self, date=None):
        """Milestones not yet over on ``date`` (judged at their precision), and annual ones."""
        return self.filter(not_over_q(date or today()) | Q(recurrence=Recurrence.ANNUAL))

    def past(self, date=None):
        return self.filter(recurrence=Recurrence.NONE).exclude(not_over_q(date or today()))


@pghistory.track()
class Milestone(SluggedModel, SourcedModel, PublishableModel, CheckedModel):
    """A dated event in a timeline, kept at the precision the papers give: a day, a month, a
    range of months, a quarter or a year, once or every year ("May/June each year")."""

    slug_source = "title"

    title = models.CharField(max_length=300, help_text="What happens.")
    description = models.TextField(blank=True, help_text="More detail.")
    date = models.DateField(help_text="Date, or the first day of its period if imprecise.")
    precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the date is known.",
    )
    date_end = models.DateField(
        "end of the range",
        null=True,
        blank=True,
        help_text="For a range of months: the first day of the last month of the range.",
    )
    recurrence = models.CharField(
        max_length=10,
        choices=Recurrence.choices,
        default=Recurrence.NONE,
        help_text="Once, or every year on the same months.",
    )
    recurrence_note = models.CharField(
        max_length=120,
        blank=True,
        help_text="The recurrence as the papers say, e.g. 'May/June each year'.",
    )
    status = models.CharField(
        max_length=20,
        choices=MilestoneStatus.choices,
        default=MilestoneStatus.PLANNED,
        help_text="Planned, in progress, done, missed, cancelled or not known.",
    )
    scope = models.CharField(
        max_length=10,
        choices=MilestoneScope.choices,
        help_text="National, system or place milestone.",
    )
    system = models.ForeignKey(
        "places.System",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="milestones",
        help_text="System, for system and place milestones.",
    )
    place = models.ForeignKey(
        "places.Place",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="milestones",
        help_text="Place, for place milestones.",
    )
    strategy = models.ForeignKey(
        "strategy.Strategy",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
        help_text="Strategy the milestone belongs to.",
    )
    board = models.ForeignKey(
        "partnerships.Board",
        verbose_name="body",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
        help_text="Body the milestone concerns.",
    )
    meeting = models.ForeignKey(
        "partnerships.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
        help_text="Meeting at which the milestone happens.",
    )
    owner_board = models.ForeignKey(
        "partnerships.Board",
        verbose_name="owning body",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones_owned",
        help_text="Body responsible for the milestone.",
    )
    owner_organisation = models.ForeignKey(
        "partnerships.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones_owned",
        help_text="Organisation responsible for the milestone (e.g. DHSC).",
    )
    cycle = models.CharField(
        max_length=120,
        blank=True,
        help_text="Timeline it belongs to, e.g. 'Establishment cycle', 'Regular annual cycle'.",
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Position within its cycle.")

    objects = MilestoneQuerySet.as_manager()

    #: The date's precision is in ``precision`` (icsgov.core.dates.precision_field).
    date_precisions = {"date": "precision"}
    #: National milestones (no system) are shared: every staff user sees them.
    #: Public records are ended or withdrawn, not deleted, except by superusers
    #: (icsgov.core.scoping.may_delete); what to do instead:
    withdraw_instead = "Milestones are not deleted: mark one cancelled, or unpublish it."
    system_scope = Scope("system", national=True)
    same_system_links = ("place", "strategy", "board", "meeting", "owner_board")

    class Meta:
        ordering = ["date", "order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_end__isnull=True)
                | Q(date_end__gte=models.F("date"))
                | Q(recurrence=Recurrence.ANNUAL),
                name="strategy_milestone_end_not_before_start",
                violation_error_message=order_message("date", "end of the range"),
            ),
            models.CheckConstraint(
                condition=~Q(precision=DatePrecision.MONTH_RANGE) | Q(date_end__isnull=False),
                name="strategy_milestone_range_has_end",
                violation_error_message="A range of months needs its last month.",
            ),
            # National means one thing: no system and no place; a system milestone has its
            # system and no place; a place milestone has both.
            models.CheckConstraint(
                condition=Q(scope=MilestoneScope.NATIONAL, system__isnull=True, place__isnull=True)
                | Q(scope=MilestoneScope.SYSTEM, system__isnull=False, place__isnull=True)
                | Q(scope=MilestoneScope.PLACE, system__isnull=False, place__isnull=False),
                name="strategy_milestone_scope_matches_links",
                violation_error_message=SCOPE_MESSAGE,
            ),
        ]

    def __str__(self):
        return f"{self.when}: {self.title}"

    @property
    def when(self) -> str:
        return milestone_when(
            self.recurrence, self.recurrence_note, self.date, self.precision, self.date_end
        )

    @property
    def last_day(self):
        """The last day the milestone's period covers (a range drawn as a range)."""
        if self.precision == DatePrecision.MONTH_RANGE and self.date_end:
            return period_end(self.date_end, DatePrecision.MONTH)
        return period_end(self.date, self.precision)

    def clean(self):
        super().clean()
        errors = {}
        if self.precision == DatePrecision.MONTH_RANGE and not self.date_end:
            errors["date_end"] = "Give the last month of the range."
        if self.recurrence != Recurrence.ANNUAL:
            # An annual range may cross the new year (December/January).
            errors.update(
                period_errors(self, (Period("date", "date_end", "precision", "precision"),))
            )
        errors.update(
            (field, message)
            for field, message in scope_errors(self.scope, self.system_id, self.place_id).items()
            if field not in errors
        )
        if self.board_id and self.meeting_id and self.meeting.board_id != self.board_id:
            errors.setdefault("meeting", f"{self.meeting} is not a meeting of {self.board}.")
        if errors:
            raise ValidationError(errors)


def milestone_when(recurrence, recurrence_note, date, precision, date_end) -> str:
    """A milestone's date in words: an annual one's note ("each March") when it has one, else
    the date at its precision (``Milestone.when``; the API's lean read gives it from these
    columns)."""
    if recurrence == Recurrence.ANNUAL and recurrence_note:
        return recurrence_note
    return format_date(date, precision, date_end)
