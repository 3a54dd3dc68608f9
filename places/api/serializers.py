from rest_framework import serializers

from icsgov.api.serializers import BriefSerializer, brief_url
from places.models import Area, Cluster, Place, System


class BriefSystemSerializer(BriefSerializer):
    url = brief_url("system-detail")

    class Meta:
        model = System
        fields = ["slug", "name", "short_name", "url"]


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


DATED = ["start_date", "start_precision", "end_date", "end_precision"]
SOURCE = ["source_file", "source_section"]


class SystemSerializer(serializers.ModelSerializer):
    url = brief_url("system-detail")

    class Meta:
        model = System
        fields = [
            "slug",
            "url",
            "name",
            "short_name",
            "population",
            "population_note",
            *DATED,
            "end_reason",
            *SOURCE,
        ]


class PlaceSerializer(serializers.ModelSerializer):
    url = brief_url("place-detail")
    system = BriefSystemSerializer(read_only=True)

    class Meta:
        model = Place
        fields = ["slug", "url", "name", "system", "population", "population_note", *SOURCE]


class ClusterSerializer(serializers.ModelSerializer):
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
