from django.urls import reverse
from rest_framework import serializers

from icsgov.core.api.serializers import (
    DATED,
    SOURCE,
    BriefSerializer,
    SourcedSerializer,
    brief_url,
)
from places.choices import SystemEnding
from places.models import System


class BriefSystemSerializer(BriefSerializer):
    url = brief_url("system-detail")

    class Meta:
        model = System
        fields = ["slug", "name", "short_name", "url"]


class SuccessionSerializer(serializers.Serializer):
    """A predecessor or successor system, with the day the change took effect."""

    slug = serializers.CharField()
    name = serializers.CharField()
    url = serializers.URLField(help_text="The other system's API address.")
    date = serializers.DateField(
        help_text="The day the change took effect: the first day after the predecessor ended."
    )
    part = serializers.BooleanField(
        help_text="True when only part of the predecessor's area went to the successor (the "
        "predecessor was split)."
    )


class SystemSerializer(SourcedSerializer):
    """A system with its NHS region, its dates, how it ended, and its predecessors and
    successors (those the client may see), each with the day of the change."""

    url = brief_url("system-detail")
    region_name = serializers.CharField(
        source="get_region_display", read_only=True, help_text="The NHS region's name."
    )
    predecessors = serializers.SerializerMethodField()
    successors = serializers.SerializerMethodField()

    class Meta:
        model = System
        fields = [
            "slug",
            "url",
            "name",
            "short_name",
            "region",
            "region_name",
            "population",
            "population_note",
            *DATED,
            "end_kind",
            "end_reason",
            "predecessors",
            "successors",
            "is_demonstration",
            *SOURCE,
        ]

    def _succession(self, other, date, part):
        request = self.context.get("request")
        path = reverse("api:system-detail", kwargs={"slug": other.slug})
        return {
            "slug": other.slug,
            "name": other.name,
            "url": request.build_absolute_uri(path) if request else path,
            "date": date,
            "part": part,
        }

    def get_predecessors(self, system) -> SuccessionSerializer(many=True):
        return [
            self._succession(p, p.change_date, p.end_kind == SystemEnding.SPLIT)
            for p in system.predecessors.all()
        ]

    def get_successors(self, system) -> SuccessionSerializer(many=True):
        return [
            self._succession(s, system.change_date, system.end_kind == SystemEnding.SPLIT)
            for s in system.successors.all()
        ]
