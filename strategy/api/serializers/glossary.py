from icsgov.core.api.serializers import (
    SOURCE,
    SourcedSerializer,
    brief_url,
)
from places.api.serializers import BriefSystemSerializer
from strategy.models import GlossaryTerm


class GlossaryTermSerializer(SourcedSerializer):
    """Glossary terms have no slug: they are addressed by their numeric ``id``."""

    url = brief_url("glossary-detail", lookup_field="pk")
    system = BriefSystemSerializer(read_only=True, allow_null=True)

    class Meta:
        model = GlossaryTerm
        fields = ["id", "url", "term", "acronym", "explanation", "system", *SOURCE]
