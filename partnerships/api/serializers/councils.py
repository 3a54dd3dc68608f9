from rest_framework import serializers

from icsgov.core.api.serializers import SOURCE, SourcedSerializer, brief_url
from partnerships.api.serializers.briefs import BriefOrganisationSerializer
from partnerships.choices import IdentifierScheme
from partnerships.models import CouncilArea
from places.api.serializers import BriefSystemSerializer


class CouncilSerializer(BriefOrganisationSerializer):
    """The council in brief, with its kind and the ONS code of its area on the ``as_at`` date."""

    gss_code = serializers.SerializerMethodField()

    class Meta(BriefOrganisationSerializer.Meta):
        fields = [*BriefOrganisationSerializer.Meta.fields, "kind", "gss_code"]

    def get_gss_code(self, council) -> str | None:
        date = self.context.get("as_at")
        if date is None:
            return None
        return council.codes_on(date).get(IdentifierScheme.GSS)


class CouncilAreaSerializer(SourcedSerializer):
    """An upper-tier council whose area is wholly or partly in a system's, for a period."""

    url = brief_url("councilarea-detail", lookup_field="pk")
    council = CouncilSerializer(source="organisation", read_only=True)
    system = BriefSystemSerializer(read_only=True, allow_null=True)
    candidates = BriefSystemSerializer(
        many=True,
        read_only=True,
        help_text="When the system is not known (status 'unknown'): the systems it may be.",
    )
    share_percent = serializers.SerializerMethodField()
    is_fact = serializers.BooleanField(
        read_only=True,
        help_text="False for links that are inferred or unknown: never to be taken as fact.",
    )

    class Meta:
        model = CouncilArea
        fields = [
            "id",
            "url",
            "council",
            "system",
            "candidates",
            "valid_from",
            "valid_to",
            "share_of_area",
            "share_percent",
            "split",
            "status",
            "is_fact",
            "basis",
            *SOURCE,
        ]

    def get_share_percent(self, link) -> float:
        """The share of the council's area in the system, as a percentage (one decimal)."""
        return round(float(link.share_of_area) * 100, 1)
