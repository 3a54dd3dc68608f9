from django.urls import reverse
from rest_framework import serializers

from icsgov.core.api.serializers import (
    DATED,
    SOURCE,
    BriefSerializer,
    SourcedSerializer,
    absolute_link,
    brief_url,
)
from icsgov.core.visibility import visible
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

    def get_predecessors(self, system) -> SuccessionSerializer(many=True):
        request = self.context.get("request")
        return [
            succession(request, p.slug, p.name, p.end_date, p.end_kind)
            for p in system.predecessors.all()
        ]

    def get_successors(self, system) -> SuccessionSerializer(many=True):
        request = self.context.get("request")
        return [
            succession(request, s.slug, s.name, system.end_date, system.end_kind)
            for s in system.successors.all()
        ]

    #: The lean list read (icsgov.core.api.lean): the region's name from its code; the
    #: predecessors and successors of the whole page in one query each.
    lean_columns = {"region_name": ("region",)}
    lean_page_fields = ("predecessors", "successors")

    def lean_region_name(self, request, region):
        return _REGION_NAMES.get(region, region)  # as System.get_region_display

    def lean_page_predecessors(self, context, pks):
        # The systems the page's systems replaced (each row's ``successors`` is the page's);
        # the change is theirs: the day after they ended.
        return _successions(context, pks, "successors", "")

    def lean_page_successors(self, context, pks):
        # The systems that replaced the page's: the change is the page's system's ending.
        return _successions(context, pks, "predecessors", "predecessors__")


#: The NHS regions' names by code (the region field's choices), made once.
_REGION_NAMES = dict(System._meta.get_field("region").flatchoices)


def _successions(context, pks, link, ended):
    """``{pk: [succession]}`` for the systems ``pks`` through ``link``, the ending read from
    the system at ``ended``, of the systems the request's user may see, by name (as the
    viewset's prefetch)."""
    request = context["request"]
    rows = (
        visible(System.objects.filter(**{f"{link}__in": pks}), request.user)
        .order_by("name", "pk")
        .values_list(link, "slug", "name", f"{ended}end_date", f"{ended}end_kind")
    )
    found = {pk: [] for pk in pks}
    for pk, slug, name, end_date, end_kind in rows:
        found[pk].append(succession(request, slug, name, end_date, end_kind))
    return found


def succession(request, slug, name, end_date, end_kind):
    """A predecessor or successor (``slug``, ``name``) as SuccessionSerializer shows it, given
    how the predecessor ended (``end_date``, ``end_kind``)."""
    path = "api:system-detail"
    return {
        "slug": slug,
        "name": name,
        "url": absolute_link(request, path, "slug", slug)
        if request
        else reverse(path, kwargs={"slug": slug}),
        "date": System.change_date_after(end_date),
        "part": end_kind == SystemEnding.SPLIT,
    }
