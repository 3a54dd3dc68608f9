from icsgov.core.api.serializers import (
    DATED,
    SOURCE,
    BriefSerializer,
    SourcedSerializer,
    brief_url,
)
from places.models import System


class BriefSystemSerializer(BriefSerializer):
    url = brief_url("system-detail")

    class Meta:
        model = System
        fields = ["slug", "name", "short_name", "url"]


class SystemSerializer(SourcedSerializer):
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
            "is_demonstration",
            *SOURCE,
        ]
