"""Integrated Care Systems: England's partnerships over a geography."""

import datetime

import pghistory
from django.core.exceptions import ValidationError
from django.db import models

from icsgov.core import registry
from icsgov.core.models import (
    DatedQuerySet,
    PublicQuerySet,
    SluggedModel,
    SourcedModel,
    ValidityPeriod,
)
from icsgov.core.periods import end_not_before_start
from icsgov.core.scoping import Scope
from places.choices import NHSRegion, SystemEnding


class PopulationMixin(models.Model):
    population = models.PositiveIntegerField(
        null=True, blank=True, help_text="Population served, where the source gives a figure."
    )
    population_note = models.CharField(
        max_length=200,
        blank=True,
        help_text="The population as the source words it, e.g. 'about 2m'.",
    )

    class Meta:
        abstract = True


class SystemQuerySet(DatedQuerySet, PublicQuerySet):
    def real(self):
        """Systems from the papers: the public ones, leaving out synthetic benchmark data and
        the demonstration system (never listed among real systems)."""
        return self.public().filter(is_demonstration=False)

    def demonstrations(self):
        """The public demonstration systems (fictional data, shown with a banner)."""
        return self.public().filter(is_demonstration=True)


@pghistory.track()
class System(SluggedModel, SourcedModel, PopulationMixin, ValidityPeriod):
    """An Integrated Care System: one of the 42 partnerships over a geography in England."""

    name = models.CharField(max_length=200, unique=True, help_text="Full name of the system.")
    short_name = models.CharField(
        max_length=50, blank=True, help_text="Common abbreviation, e.g. HIOW."
    )
    region = models.CharField(
        "NHS region",
        max_length=3,
        choices=NHSRegion.choices,
        blank=True,
        help_text="The NHS England region the system is in, by its region code (e.g. Y59 South "
        "East); blank if not recorded.",
    )
    end_kind = models.CharField(
        "how it ended",
        max_length=20,
        choices=SystemEnding.choices,
        blank=True,
        help_text="How the system ended: merged, split between successors, abolished, or a "
        "boundary change. Blank while it continues.",
    )
    end_reason = models.CharField(
        max_length=300,
        blank=True,
        help_text="Why the system ended, in words, e.g. merged with a neighbour from 1 April 2026.",
    )
    predecessors = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="successors",
        help_text="Systems this one replaced (after a merger or boundary change).",
    )
    is_synthetic = models.BooleanField(
        default=False,
        help_text="Generated for benchmarks and load tests, not real data. Never public.",
    )

    is_demonstration = models.BooleanField(
        default=False,
        help_text="Fictional demonstration data (manage.py load_demo), shown with a "
        "'demonstration data — not a real system' banner on every page and marked in the API; "
        "never listed among the real systems.",
    )

    objects = SystemQuerySet.as_manager()

    system_scope = Scope("pk")

    class Meta:
        ordering = ["name"]
        constraints = [
            end_not_before_start("places_system"),
            models.CheckConstraint(
                name="places_system_end_kind_has_end",
                condition=models.Q(end_kind="") | models.Q(end_date__isnull=False),
                violation_error_message="Give the date a system ended before saying how it ended.",
            ),
        ]

    def __str__(self):
        return self.short_name or self.name

    @property
    def change_date(self):
        """The first day after the system ended: when its successors took over its area."""
        return self.change_date_after(self.end_date)

    @staticmethod
    def change_date_after(end_date):
        """The change date of a system that ended on ``end_date`` (None while it continues)."""
        return end_date + datetime.timedelta(days=1) if end_date else None

    def councils_on(self, date, viewer=None):
        """The upper-tier councils in the system's area on ``date``, as ``viewer`` may see them,
        in one call: each link with its share of the council's area, its split flag and its
        status, and apart the councils that may be in the area but no source says
        (``partnerships.selectors.CouncilsOnDate``). What a statutory ICP's council membership
        is checked against. Answered by the partnerships app, which owns councils."""
        return registry.answer("councils_on", self, date, viewer)

    def clean(self):
        super().clean()
        if self.end_kind and not self.end_date:
            raise ValidationError(
                {"end_kind": "Give the date a system ended before saying how it ended."}
            )
