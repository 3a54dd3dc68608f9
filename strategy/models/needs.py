"""Joint strategic needs assessments the integrated care partnership received, and its
reconsiderations of the integrated care strategy.

LGPIHA 2007 s116ZB(6): each time an integrated care partnership receives an assessment of
relevant needs under s116(5A) (a joint strategic needs assessment, JSNA, of a responsible local
authority and its partner ICBs, usually through the council's health and wellbeing board), it
must consider whether the current integrated care strategy should be revised and, if so,
prepare a revised one. The registry keeps each assessment received, with when it was published
and received at the precision the papers give, and each time the partnership considered
revising the strategy, with the outcome; ``strategy.jsna-reconsidered`` checks one against the
other.
"""

import pghistory
from django.core.exceptions import ValidationError
from django.db import models

from icsgov.core.dates import DatePrecision
from icsgov.core.models import (
    CheckedModel,
    PublicQuerySet,
    PublishableModel,
    PublishableQuerySet,
    SourcedModel,
)
from icsgov.core.scoping import Scope
from partnerships.choices import UPPER_TIER_COUNCILS, BoardKind
from strategy.choices import STRATEGY_KINDS_RECONSIDERED, ReconsiderationOutcome


@pghistory.track()
class NeedsAssessment(SourcedModel, PublishableModel, CheckedModel):
    """A joint strategic needs assessment (s116) that a system's integrated care partnership
    received: from which council (and its health and wellbeing board), when it was published
    and when the partnership received it."""

    # PROTECT: an assessment is part of a system's public record.
    system = models.ForeignKey(
        "places.System",
        on_delete=models.PROTECT,
        related_name="needs_assessments",
        help_text="System whose integrated care partnership received the assessment.",
    )
    council = models.ForeignKey(
        "partnerships.Organisation",
        on_delete=models.PROTECT,
        related_name="needs_assessments",
        limit_choices_to={"kind__in": UPPER_TIER_COUNCILS},
        help_text="The upper-tier council (responsible local authority) whose assessment it is.",
    )
    health_and_wellbeing_board = models.ForeignKey(
        "partnerships.Board",
        verbose_name="health and wellbeing board",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="needs_assessments",
        help_text="The council's health and wellbeing board that prepared or approved it, when "
        "the registry records that board. Blank: not recorded.",
    )
    title = models.CharField(
        max_length=250, help_text="Title of the assessment, e.g. 'Southampton JSNA 2024'."
    )
    url = models.URLField(blank=True, help_text="Where the assessment is published.")
    published_on = models.DateField(
        null=True,
        blank=True,
        help_text="When the council or its board published it; for an imprecise date, the "
        "first day of its period. Blank: not recorded.",
    )
    published_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the source gives the publication date.",
    )
    received_on = models.DateField(
        "received by the partnership on",
        null=True,
        blank=True,
        help_text="When the integrated care partnership received it (e.g. the meeting it was "
        "presented to); for an imprecise date, the first day of its period. Blank: not recorded.",
    )
    received_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the source gives when it was received.",
    )

    objects = PublishableQuerySet.as_manager()

    system_scope = Scope("system")
    same_system_links = ("health_and_wellbeing_board",)

    class Meta:
        ordering = ["system__name", "received_on", "title"]
        verbose_name = "joint strategic needs assessment"
        constraints = [
            models.UniqueConstraint(
                fields=["system", "council", "title"],
                name="strategy_needsassessment_unique_title",
                violation_error_message="This system already records an assessment of this "
                "council with this title.",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.council_id and self.council.kind not in UPPER_TIER_COUNCILS:
            errors["council"] = (
                f"{self.council} is not an upper-tier council: a joint strategic needs "
                "assessment is a county, unitary, metropolitan or London borough council's."
            )
        board = self.health_and_wellbeing_board
        if board is not None and board.kind != BoardKind.HEALTH_AND_WELLBEING_BOARD:
            errors["health_and_wellbeing_board"] = (
                f"{board} is not a health and wellbeing board (it is recorded as "
                f"'{board.get_kind_display()}')."
            )
        if errors:
            raise ValidationError(errors)


@pghistory.track()
class Reconsideration(SourcedModel, CheckedModel):
    """A time the integrated care partnership considered whether to revise its integrated care
    strategy (s116ZB(6)), with the outcome: revised, not revised, or not recorded."""

    # CASCADE: a reconsideration is part of its strategy's record.
    strategy = models.ForeignKey(
        "strategy.Strategy",
        on_delete=models.CASCADE,
        related_name="reconsiderations",
        help_text="The integrated care strategy (or interim one) that was reconsidered.",
    )
    considered_on = models.DateField(
        help_text="When the partnership considered it (e.g. its meeting's date); for an "
        "imprecise date, the first day of its period."
    )
    considered_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the source gives the date.",
    )
    outcome = models.CharField(
        max_length=20,
        choices=ReconsiderationOutcome.choices,
        default=ReconsiderationOutcome.NOT_RECORDED,
        help_text="Whether the partnership decided to revise the strategy.",
    )
    notes = models.TextField(
        blank=True, help_text="What was considered and decided, as the papers say."
    )

    objects = PublicQuerySet.as_manager()

    system_scope = Scope("strategy__system")

    class Meta:
        ordering = ["strategy", "considered_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "considered_on"],
                name="strategy_reconsideration_unique_date",
                violation_error_message="This strategy's reconsideration on this date is already "
                "recorded.",
            ),
        ]

    def __str__(self):
        return f"{self.strategy} reconsidered {self.considered_on}"

    def clean(self):
        super().clean()
        if self.strategy_id and self.strategy.kind not in STRATEGY_KINDS_RECONSIDERED:
            raise ValidationError(
                {
                    "strategy": f"'{self.strategy}' is not an integrated care strategy (it is "
                    f"recorded as '{self.strategy.get_kind_display()}'): only an integrated "
                    "care strategy, or an interim one, is reconsidered after a joint strategic "
                    "needs assessment (s116ZB(6))."
                }
            )
