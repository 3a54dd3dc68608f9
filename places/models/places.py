"""Geography within a system: places, areas within places, clusters, and named footprints."""

import pghistory
from django.core.exceptions import ValidationError
from django.db import models

from icsgov.core.models import PublicQuerySet, SluggedModel, SourcedModel
from icsgov.core.scoping import Scope
from places.models.systems import PopulationMixin, System


@pghistory.track()
class Place(SluggedModel, SourcedModel, PopulationMixin):
    """A place within a system, usually a local authority footprint with its own HWB."""

    # PROTECT: a system's places are part of the public record; remove them deliberately.
    system = models.ForeignKey(
        System, on_delete=models.PROTECT, related_name="places", help_text="System it is in."
    )
    name = models.CharField(max_length=200, help_text="Name of the place, e.g. Southampton.")

    objects = PublicQuerySet.as_manager()

    system_scope = Scope("system")

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

    objects = PublicQuerySet.as_manager()

    system_scope = Scope("place__system")

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

    system_scope = Scope("place__system")

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

    objects = PublicQuerySet.as_manager()

    system_scope = Scope("system")

    class Meta:
        ordering = ["system__name", "name"]

    def __str__(self):
        return self.name
