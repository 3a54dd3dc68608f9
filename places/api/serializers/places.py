from icsgov.core.api.serializers import (
    SOURCE,
    BriefSerializer,
    SourcedSerializer,
    brief_url,
)
from places.api.serializers.systems import BriefSystemSerializer
from places.models import Area, Cluster, Place


class BriefPlaceSerializer(BriefSerializer):
    url = brief_url("place-detail")

    class Meta:
        model = Place
        fields = ["slug", "name", "url"]


class BriefAreaSerializer(BriefSerializer):
    class Meta:
        model = Area
        fields = ["slug", "name"]


class BriefClusterSerializer(BriefSerializer):
    url = brief_url("cluster-detail")

    class Meta:
        model = Cluster
        fields = ["slug", "name", "url"]


class PlaceSerializer(SourcedSerializer):
    url = brief_url("place-detail")
    system = BriefSystemSerializer(read_only=True)

    class Meta:
        model = Place
        fields = ["slug", "url", "name", "system", "population", "population_note", *SOURCE]


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
