"""Strategies, their chapters and priorities; milestones; development plans; maturity
timelines; glossaries."""

import pghistory
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from icsgov.dates import DatePrecision, format_date, not_over_q, period_end
from icsgov.models import (
    DatedQuerySet,
    PublicQuerySet,
    PublishableModel,
    PublishableQuerySet,
    SluggedModel,
    SourcedModel,
    end_after_start_constraint,
    today,
)
from strategy.choices import (
    ChapterScope,
    DevelopmentStatus,
    MilestoneStatus,
    PriorityStatus,
    Recurrence,
    Scope,
    StrategyKind,
    StrategyStatus,
)


class StrategyQuerySet(DatedQuerySet, PublishableQuerySet):
    start_field = "period_start"
    end_field = "period_end"

    def published(self):
        """Public strategies: marked for publication and beyond the draft stage."""
        return self.filter(is_published=True).exclude(status=StrategyStatus.DRAFT)


@pghistory.track()
class Strategy(SluggedModel, SourcedModel, PublishableModel):
    """A strategy or plan: the integrated care strategy, joint forward plan, place strategy."""

    name = models.CharField(max_length=250, help_text="Title of the strategy.")
    kind = models.CharField(
        max_length=40, choices=StrategyKind.choices, help_text="Kind of strategy or plan."
    )
    # PROTECT: strategies are part of a system's public record.
    system = models.ForeignKey(
        "places.System",
        on_delete=models.PROTECT,
        related_name="strategies",
        help_text="System the strategy is for.",
    )
    place = models.ForeignKey(
        "places.Place",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="strategies",
        help_text="Place, for a place strategy.",
    )
    owner_board = models.ForeignKey(
        "partnerships.Board",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="strategies",
        help_text="Body that owns and approves it.",
    )
    status = models.CharField(
        max_length=20,
        choices=StrategyStatus.choices,
        default=StrategyStatus.PLANNED,
        help_text="Where it stands. Drafts are never public.",
    )
    period_start = models.DateField(
        null=True, blank=True, help_text="First day of the period it covers."
    )
    period_end = models.DateField(null=True, blank=True, help_text="Last day of the period.")
    due_date = models.DateField(
        null=True, blank=True, help_text="When it is due to be approved or published."
    )
    due_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the due date is known.",
    )
    published_on = models.DateField(null=True, blank=True, help_text="Date of publication.")
    url = models.URLField(blank=True, help_text="Where it is published.")
    description = models.TextField(blank=True, help_text="What it sets out to do.")
    based_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="refreshes",
        help_text="Earlier strategy this one refreshes (e.g. interim → full).",
    )

    objects = StrategyQuerySet.as_manager()

    class Meta:
        ordering = ["system__name", "name"]
        verbose_name_plural = "strategies"
        constraints = [
            end_after_start_constraint("strategy_strategy", "period_start", "period_end")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": "The period cannot end before it starts."})
        if self.place_id and self.system_id and self.place.system_id != self.system_id:
            raise ValidationError({"place": f"{self.place} is not in {self.system}."})


@pghistory.track()
class Chapter(SourcedModel):
    """A chapter of a strategy with its owner, e.g. H&W's Herefordshire, Worcestershire and
    system chapters."""

    # CASCADE: chapters are part of their strategy.
    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="chapters", help_text="Strategy."
    )
    number = models.PositiveSmallIntegerField(help_text="Chapter number.")
    title = models.CharField(max_length=250, help_text="Chapter title.")
    scope = models.CharField(
        max_length=10, choices=ChapterScope.choices, help_text="Place or whole-system chapter."
    )
    place = models.ForeignKey(
        "places.Place",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chapters",
        help_text="Place the chapter covers, for place chapters.",
    )
    owner_board = models.ForeignKey(
        "partnerships.Board",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chapters_owned",
        help_text="Body that implements the chapter (the chapter owner).",
    )
    overseen_by = models.ForeignKey(
        "partnerships.Board",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chapters_overseen",
        help_text="Body that oversees delivery of the chapter.",
    )
    description = models.TextField(blank=True, help_text="What the chapter covers.")

    class Meta:
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "number"], name="strategy_chapter_unique_number"
            )
        ]

    def __str__(self):
        return f"Chapter {self.number}: {self.title}"


@pghistory.track()
class Priority(SourcedModel):
    """A priority of a strategy, e.g. one of HIOW's five emerging priority areas."""

    # CASCADE: priorities are part of their strategy.
    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="priorities", help_text="Strategy."
    )
    order = models.PositiveSmallIntegerField(help_text="Position in the list.")
    name = models.CharField(max_length=250, help_text="The priority, e.g. 'Workforce'.")
    description = models.TextField(blank=True, help_text="What it means.")
    status = models.CharField(
        max_length=20,
        choices=PriorityStatus.choices,
        default=PriorityStatus.EMERGING,
        help_text="Emerging, agreed or retired.",
    )

    objects = PublicQuerySet.as_manager()

    class Meta:
        ordering = ["strategy", "order"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "order"], name="strategy_priority_unique_order"
            )
        ]

    def __str__(self):
        return self.name


class MilestoneQuerySet(PublishableQuerySet):
    def national(self):
        return self.filter(scope=Scope.NATIONAL)

    def upcoming(self, date=None):
        """Milestones not yet over on ``date`` (judged at their precision), and annual ones."""
        return self.filter(not_over_q(date or today()) | Q(recurrence=Recurrence.ANNUAL))

    def past(self, date=None):
        return self.filter(recurrence=Recurrence.NONE).exclude(not_over_q(date or today()))


@pghistory.track()
class Milestone(SluggedModel, SourcedModel, PublishableModel):
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
        max_length=10, choices=Scope.choices, help_text="National, system or place milestone."
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
        Strategy,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
        help_text="Strategy the milestone belongs to.",
    )
    board = models.ForeignKey(
        "partnerships.Board",
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

    class Meta:
        ordering = ["date", "order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_end__isnull=True)
                | Q(date_end__gte=models.F("date"))
                | Q(recurrence=Recurrence.ANNUAL),
                name="strategy_milestone_end_not_before_start",
                violation_error_message="A range cannot end before it starts.",
            ),
            models.CheckConstraint(
                condition=~Q(precision=DatePrecision.MONTH_RANGE) | Q(date_end__isnull=False),
                name="strategy_milestone_range_has_end",
                violation_error_message="A range of months needs its last month.",
            ),
            models.CheckConstraint(
                condition=~Q(scope=Scope.SYSTEM) | Q(system__isnull=False),
                name="strategy_milestone_system_scope_has_system",
                violation_error_message="A system milestone needs its system.",
            ),
            models.CheckConstraint(
                condition=~Q(scope=Scope.PLACE) | Q(place__isnull=False),
                name="strategy_milestone_place_scope_has_place",
                violation_error_message="A place milestone needs its place.",
            ),
        ]

    def __str__(self):
        return f"{self.when}: {self.title}"

    @property
    def when(self) -> str:
        if self.recurrence == Recurrence.ANNUAL and self.recurrence_note:
            return self.recurrence_note
        return format_date(self.date, self.precision, self.date_end)

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
        if (
            self.date_end
            and self.date
            and self.date_end < self.date
            and self.recurrence != Recurrence.ANNUAL
        ):
            errors["date_end"] = "The range cannot end before it starts."
        if self.scope == Scope.SYSTEM and not self.system_id:
            errors["system"] = "A system milestone needs its system."
        if self.scope == Scope.PLACE and not self.place_id:
            errors["place"] = "A place milestone needs its place."
        if errors:
            raise ValidationError(errors)


@pghistory.track()
class DevelopmentItem(SluggedModel, SourcedModel):
    """A row of a development table: an area, the development required, when, and status."""

    slug_source = "development_required"

    # PROTECT: an item must keep a body or a place (a CHECK constraint), so a body with a
    # development plan is not deleted from under it.
    board = models.ForeignKey(
        "partnerships.Board",
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

    class Meta:
        ordering = ["system__name", "subject"]

    def __str__(self):
        return f"{self.subject} ({self.system})"


@pghistory.track()
class MaturityPeriod(models.Model):
    """A column of a maturity timeline, e.g. 'October 2018 – March 2019'."""

    # CASCADE: periods are part of their timeline.
    timeline = models.ForeignKey(
        MaturityTimeline, on_delete=models.CASCADE, related_name="periods", help_text="Timeline."
    )
    order = models.PositiveSmallIntegerField(help_text="Column position.")
    label = models.CharField(max_length=120, help_text="Heading as the source gives it.")
    start_date = models.DateField(null=True, blank=True, help_text="First day of the period.")
    end_date = models.DateField(null=True, blank=True, help_text="Last day of the period.")

    class Meta:
        ordering = ["timeline", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["timeline", "label"], name="strategy_maturity_period_unique_label"
            ),
            end_after_start_constraint("strategy_maturityperiod"),
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

    class Meta:
        ordering = ["timeline", "domain", "period__order", "order"]

    def __str__(self):
        return f"{self.domain} / {self.period}: {self.text[:60]}"


@pghistory.track()
class GlossaryTerm(SourcedModel):
    """A term or acronym as a paper explains it."""

    system = models.ForeignKey(
        "places.System",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="glossary",
        help_text="System whose paper defines it; blank for national terms.",
    )
    term = models.CharField(max_length=250, help_text="The term in full.")
    acronym = models.CharField(max_length=40, blank=True, help_text="Its acronym, if any.")
    explanation = models.TextField(help_text="What it means.")

    # public(): national terms and terms from real systems' papers.
    objects = PublicQuerySet.as_manager()

    class Meta:
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(
                fields=["system", "term"],
                name="strategy_glossary_unique_term",
                nulls_distinct=False,
            )
        ]

    def __str__(self):
        return f"{self.term} ({self.acronym})" if self.acronym else self.term
