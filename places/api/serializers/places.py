from icsgov.core.api.serializers import (
    SOURCE,
    BriefSerializer,
    SourcedSerializer,
    brief_url,
)
from places.api.serializers.systems import BriefSystemSerializer
from places.models import Area, Cluster, Footprint, Place


class BriefPlaceSerializer(BriefSerializer):
    url = brief_url("place-detail")

    class Meta:
        model = Place
        fields = ["slug", "name", "url"]


class BriefAreaSerializer(BriefSerializer):
    url = brief_url("area-detail")

    class Meta:
        model = Area
        fields = ["slug", "name", "url"]


class BriefClusterSerializer(BriefSerializer):
    url = brief_url("cluster-detail")

    class Meta:
        model = Cluster
        fields = ["slug", "name", "url"]


class BriefFootprintSerializer(BriefSerializer):
    url = brief_url("footprint-detail")

    class Meta:
        model = Footprint
        fields = ["slug", "name", "url"]


class PlaceSerializer(SourcedSerializer):
    url = brief_url("place-detail")
    system = BriefSystemSerializer(read_only=True)

    class Meta:
        model = Place
        fields = ["slug", "url", "name", "system", "population", "population_note", *SOURCE]


class AreaSerializer(SourcedSerializer):
    """An area of a place, with the clusters in it (``AreaViewSet`` prefetches those the client
    may see as ``visible_clusters``)."""

    url = brief_url("area-detail")
    place = BriefPlaceSerializer(read_only=True)
    system = BriefSystemSerializer(source="place.system", read_only=True)
    clusters = BriefClusterSerializer(source="visible_clusters", many=True, read_only=True)

    class Meta:
        model = Area
        fields = [
            "slug",
            "url",
            "name",
            "place",
            "system",
            "clusters",
            "population",
            "population_note",
            *SOURCE,
        ]


class ClusterSerializer(SourcedSerializer):
    url = brief_url("cluster-detail")
    place = BriefPlaceSerializer(read_only=True)
    area = BriefAreaSerializer(read_only=True, allow_null=True)
    system = BriefSystemSerializer(source="place.system", read_only=True)

    class Meta:
        model = Cluster
        fields = [
            "slug",
            "url",
            "name",
            "number",
            "place",
            "area",
            "system",
            "population",
            "population_note",
            *SOURCE,
        ]


class FootprintSerializer(SourcedSerializer):
    """A named geography with the places, areas and clusters it covers (those the client may
    see, prefetched by ``FootprintViewSet``)."""

    url = brief_url("footprint-detail")
    system = BriefSystemSerializer(read_only=True)
    places = BriefPlaceSerializer(source="visible_places", many=True, read_only=True)
    areas = BriefAreaSerializer(source="visible_areas", many=True, read_only=True)
    clusters = BriefClusterSerializer(source="visible_clusters", many=True, read_only=True)

    class Meta:
        model = Footprint
        fields = [
            "slug",
            "url",
            "name",
            "system",
            "places",
            "areas",
            "clusters",
            "population",
            "population_note",
            *SOURCE,
        ]
