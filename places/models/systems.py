"""Integrated Care Systems: England's partnerships over a geography."""

import pghistory
from django.db import models

from icsgov.core.models import (
    DatedQuerySet,
    PublicQuerySet,
    SluggedModel,
    SourcedModel,
    ValidityPeriod,
)
from icsgov.core.periods import end_not_before_start
from icsgov.core.scoping import Scope


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
    end_reason = models.CharField(
        max_length=300,
        blank=True,
        help_text="Why the system ended, e.g. merged with a neighbour from 1 April 2026.",
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
        constraints = [end_not_before_start("places_system")]

    def __str__(self):
        return self.short_name or self.name
