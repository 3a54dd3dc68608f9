"""Development plans: a place's or body's development table, and maturity timelines by domain."""

import pghistory
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from icsgov.core.dates import DatePrecision, format_date
from icsgov.core.models import CheckedModel, PublicQuerySet, SluggedModel, SourcedModel
from icsgov.core.periods import Period, end_not_before_start
from icsgov.core.scoping import Scope
from strategy.choices import DevelopmentStatus


@pghistory.track()
class DevelopmentItem(SluggedModel, SourcedModel, CheckedModel):
    """A row of a development table: an area, the development required, when, and status."""

    slug_source = "development_required"

    # PROTECT: an item must keep a body or a place (a CHECK constraint), so a body with a
    # development plan is not deleted from under it.
    board = models.ForeignKey(
        "partnerships.Board",
        verbose_name="body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="development_items",
        help_text="Body whose development plan this is.",
    )
    place = models.ForeignKey(
        "places.Place",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="development_items",
        help_text="Place whose development plan this is.",
    )
    area = models.CharField(max_length=250, help_text="Area of development, as the table heads it.")
    development_required = models.TextField(help_text="The development required.")
    due_date = models.DateField(null=True, blank=True, help_text="When it is due.")
    due_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the due date is known.",
    )
    status = models.CharField(
        max_length=20,
        choices=DevelopmentStatus.choices,
        default=DevelopmentStatus.UNKNOWN,
        help_text="Not started, in progress, done, or not known.",
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Row position in the table.")

    objects = PublicQuerySet.as_manager()

    system_scope = Scope("board__system", "place__system")

    class Meta:
        ordering = ["place", "board", "order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(board__isnull=False) | Q(place__isnull=False),
                name="strategy_development_item_has_owner",
                violation_error_message="A development item belongs to a body or a place.",
            )
        ]

    def __str__(self):
        return f"{self.area}: {self.development_required[:60]}"

    @property
    def due(self) -> str:
        return format_date(self.due_date, self.due_precision)

    def clean(self):
        super().clean()
        if self.board_id and self.place_id and self.board.system_id != self.place.system_id:
            raise ValidationError(
                {"place": f"{self.place} is in {self.place.system}, not in {self.board.system}."}
            )


@pghistory.track()
class MaturityTimeline(SluggedModel, SourcedModel):
    """A domain × period table of how something should mature, e.g. clusters, 2018."""

    slug_source = "subject"

    system = models.ForeignKey(
        "places.System",
        on_delete=models.PROTECT,
        related_name="maturity_timelines",
        help_text="System the timeline is for.",
    )
    subject = models.CharField(max_length=200, help_text="What matures, e.g. 'Clusters'.")

    objects = PublicQuerySet.as_manager()

    system_scope = Scope("system")

    class Meta:
        ordering = ["system__name", "subject"]

    def __str__(self):
        return f"{self.subject} ({self.system})"


@pghistory.track()
class MaturityPeriod(CheckedModel):
    """A column of a maturity timeline, e.g. 'October 2018 – March 2019'."""

    # CASCADE: periods are part of their timeline.
    timeline = models.ForeignKey(
        MaturityTimeline, on_delete=models.CASCADE, related_name="periods", help_text="Timeline."
    )
    order = models.PositiveSmallIntegerField(help_text="Column position.")
    label = models.CharField(max_length=120, help_text="Heading as the source gives it.")
    start_date = models.DateField(
        null=True,
        blank=True,
        help_text="First day of the period; for an imprecise date, the first day of its month.",
    )
    start_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the source gives the start.",
    )
    end_date = models.DateField(
        null=True,
        blank=True,
        help_text="Last day of the period; for an imprecise date, the first day of its month.",
    )
    end_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the source gives the end.",
    )

    objects = PublicQuerySet.as_manager()

    system_scope = Scope("timeline__system")
    date_periods = (Period("start_date", "end_date", "start_precision", "end_precision"),)

    @property
    def when(self) -> str:
        start = format_date(self.start_date, self.start_precision)
        end = format_date(self.end_date, self.end_precision)
        return f"{start} – {end}" if start and end else (f"by {end}" if end else start)

    class Meta:
        ordering = ["timeline", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["timeline", "label"], name="strategy_maturity_period_unique_label"
            ),
            end_not_before_start("strategy_maturityperiod"),
        ]

    def __str__(self):
        return self.label


@pghistory.track()
class MaturityStatement(models.Model):
    """One cell of a maturity timeline: what is expected in a domain by a period."""

    # CASCADE: statements are part of their timeline.
    timeline = models.ForeignKey(
        MaturityTimeline,
        on_delete=models.CASCADE,
        related_name="statements",
        help_text="Timeline.",
    )
    period = models.ForeignKey(
        MaturityPeriod, on_delete=models.CASCADE, related_name="statements", help_text="Period."
    )
    domain = models.CharField(max_length=200, help_text="Row heading, e.g. 'Care redesign'.")
    order = models.PositiveSmallIntegerField(default=0, help_text="Position within the cell.")
    text = models.TextField(help_text="What is expected.")

    objects = PublicQuerySet.as_manager()

    system_scope = Scope("timeline__system")

    class Meta:
        ordering = ["timeline", "domain", "period__order", "order"]

    def __str__(self):
        return f"{self.domain} / {self.period}: {self.text[:60]}"

    def clean(self):
        super().clean()
        if self.timeline_id and self.period_id and self.period.timeline_id != self.timeline_id:
            raise ValidationError({"period": f"{self.period} is a column of another timeline."})
