"""Geography: systems, places, areas within places, clusters, and named footprints."""

import pghistory
from django.db import models

from icsgov.models import (
    DatedQuerySet,
    PublicQuerySet,
    SluggedModel,
    SourcedModel,
    ValidityPeriod,
    end_after_start_constraint,
)


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
        """Systems from the papers, leaving out synthetic benchmark data: the public ones."""
        return self.public()


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

    objects = SystemQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [end_after_start_constraint("places_system")]

    def __str__(self):
        return self.short_name or self.name


@pghistory.track()
class Place(SluggedModel, SourcedModel, PopulationMixin):
    """A place within a system, usually a local authority footprint with its own HWB."""

    # PROTECT: a system's places are part of the public record; remove them deliberately.
    system = models.ForeignKey(
        System, on_delete=models.PROTECT, related_name="places", help_text="System it is in."
    )
    name = models.CharField(max_length=200, help_text="Name of the place, e.g. Southampton.")

    objects = PublicQuerySet.as_manager()

    class Meta:
        ordering = ["system__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["system", "name"], name="places_place_unique_name")
        ]

    def __str__(self):
        return self.name


@pghistory.track()
class Area(SluggedModel, SourcedModel, PopulationMixin):
    """A subdivision of a place, e.g. South West Hampshire within Hampshire."""

    # PROTECT: clusters and footprints refer to areas.
    place = models.ForeignKey(
        Place, on_delete=models.PROTECT, related_name="areas", help_text="Place it divides."
    )
    name = models.CharField(max_length=200, help_text="Name of the area.")

    class Meta:
        ordering = ["place__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["place", "name"], name="places_area_unique_name")
        ]

    def __str__(self):
        return self.name

    @property
    def system(self):
        return self.place.system


@pghistory.track()
class Cluster(SluggedModel, SourcedModel, PopulationMixin):
    """General practices with community, care and voluntary services: 20–100k people."""

    # PROTECT: a cluster board and its seats hang off the cluster.
    place = models.ForeignKey(
        Place, on_delete=models.PROTECT, related_name="clusters", help_text="Place it is in."
    )
    area = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="clusters",
        help_text="Area within the place, where the place is divided into areas.",
    )
    name = models.CharField(max_length=200, help_text="Name of the cluster as the source gives.")
    number = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Its number in the source's list, for ordering."
    )

    objects = PublicQuerySet.as_manager()

    class Meta:
        ordering = ["place__name", "area__name", "number", "name"]
        constraints = [
            models.UniqueConstraint(fields=["place", "name"], name="places_cluster_unique_name")
        ]

    def __str__(self):
        return self.name

    @property
    def system(self):
        return self.place.system

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.area_id and self.place_id and self.area.place_id != self.place_id:
            raise ValidationError(
                {"area": f"{self.area} is in {self.area.place}, not in {self.place}."}
            )


@pghistory.track()
class Footprint(SluggedModel, SourcedModel, PopulationMixin):
    """A named geography a body covers that is not a single place, e.g. the 2018 local ICPs'
    'Southampton and South West Hampshire'."""

    system = models.ForeignKey(
        System,
        on_delete=models.PROTECT,
        related_name="footprints",
        help_text="System the footprint lies in.",
    )
    name = models.CharField(max_length=200, help_text="Name of the footprint.")
    places = models.ManyToManyField(
        Place, blank=True, related_name="footprints", help_text="Whole places it covers."
    )
    areas = models.ManyToManyField(
        Area, blank=True, related_name="footprints", help_text="Areas of places it covers."
    )
    clusters = models.ManyToManyField(
        Cluster, blank=True, related_name="footprints", help_text="Clusters it covers."
    )

    class Meta:
        ordering = ["system__name", "name"]

    def __str__(self):
        return self.name
