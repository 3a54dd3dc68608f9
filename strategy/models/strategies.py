"""Strategies and plans, their chapters and their priorities."""

import pghistory
from django.db import models

from icsgov.core.dates import DatePrecision
from icsgov.core.models import (
    CheckedModel,
    DatedQuerySet,
    PublicQuerySet,
    PublishableModel,
    PublishableQuerySet,
    SluggedModel,
    SourcedModel,
)
from icsgov.core.periods import Period, end_not_before_start
from icsgov.core.scoping import Scope
from strategy.choices import ChapterScope, PriorityStatus, StrategyKind, StrategyStatus


class StrategyQuerySet(DatedQuerySet, PublishableQuerySet):
    start_field = "period_start"
    end_field = "period_end"


@pghistory.track()
class Strategy(SluggedModel, SourcedModel, PublishableModel, CheckedModel):
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
        verbose_name="owning body",
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
        "start of the period",
        null=True,
        blank=True,
        help_text="First day of the period it covers.",
    )
    period_start_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the source gives the start of the period.",
    )
    period_end = models.DateField(
        "end of the period", null=True, blank=True, help_text="Last day of the period."
    )
    period_end_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the source gives the end of the period.",
    )
    due_date = models.DateField(
        null=True, blank=True, help_text="When it is due to be approved or published."
    )
    due_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the due date is known.",
    )
    published_on = models.DateField(
        null=True,
        blank=True,
        help_text="Date of publication; for an imprecise date, the first day of its period.",
    )
    published_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the source gives the publication date.",
    )
    url = models.URLField(blank=True, help_text="Where it is published.")
    description = models.TextField(blank=True, help_text="What it sets out to do.")
    healthwatch_involvement = models.TextField(
        "how Local Healthwatch was involved",
        blank=True,
        help_text="For an integrated care strategy: how Local Healthwatch was involved in "
        "preparing it, as the strategy or the ICP's papers say (LGPIHA 2007 s116ZB). Blank: "
        "not recorded.",
    )
    public_involvement = models.TextField(
        "how the public was involved",
        blank=True,
        help_text="For an integrated care strategy: how the people who live or work in the area "
        "were involved (s116ZB). Blank: not recorded.",
    )
    hwb_statements = models.TextField(
        "health and wellbeing boards' statements",
        blank=True,
        help_text="For a joint forward plan: each health and wellbeing board's statement of "
        "its opinion of the plan, or where the plan includes them. Blank: not recorded.",
    )
    based_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="refreshes",
        help_text="Earlier strategy this one refreshes (e.g. interim → full).",
    )

    objects = StrategyQuerySet.as_manager()

    system_scope = Scope("system")
    date_periods = (
        Period("period_start", "period_end", "period_start_precision", "period_end_precision"),
    )
    same_system_links = ("place", "owner_board", "based_on")

    class Meta:
        ordering = ["system__name", "name"]
        verbose_name_plural = "strategies"
        constraints = [
            end_not_before_start(
                "strategy_strategy",
                "period_start",
                "period_end",
                names=("start of the period", "end of the period"),
            )
        ]

    def __str__(self):
        return self.name


@pghistory.track()
class Chapter(SourcedModel, CheckedModel):
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
        verbose_name="owning body",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chapters_owned",
        help_text="Body that implements the chapter (the chapter owner).",
    )
    overseen_by = models.ForeignKey(
        "partnerships.Board",
        verbose_name="overseen by",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chapters_overseen",
        help_text="Body that oversees delivery of the chapter.",
    )
    description = models.TextField(blank=True, help_text="What the chapter covers.")

    objects = PublicQuerySet.as_manager()

    system_scope = Scope("strategy__system")
    same_system_links = ("place", "owner_board", "overseen_by")

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

    system_scope = Scope("strategy__system")

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
