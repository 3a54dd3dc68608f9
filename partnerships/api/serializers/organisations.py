from rest_framework import serializers

from icsgov.core.api.serializers import (
    DATED,
    SOURCE,
    OptionalURLField,
    SourcedSerializer,
    brief_url,
)
from partnerships.models import Organisation, OrganisationIdentifier
from places.api.serializers import BriefSystemSerializer


class IdentifierSerializer(serializers.ModelSerializer):
    class Meta:
        model = OrganisationIdentifier
        fields = ["scheme", "code", "valid_from", "valid_to"]


class OrganisationSerializer(SourcedSerializer):
    url = brief_url("organisation-detail")
    system = BriefSystemSerializer(read_only=True, allow_null=True)
    identifiers = IdentifierSerializer(many=True, read_only=True)
    website = OptionalURLField(help_text="Public website; null if not known.")

    class Meta:
        model = Organisation
        fields = [
            "slug",
            "url",
            "name",
            "short_name",
            "sector",
            "kind",
            "system",
            "website",
            "identifiers",
            *DATED,
            "end_reason",
            *SOURCE,
        ]
