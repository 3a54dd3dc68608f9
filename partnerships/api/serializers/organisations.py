from icsgov.core.api.serializers import (
    DATED,
    SOURCE,
    OptionalURLField,
    ReadSerializer,
    SourcedSerializer,
    brief_url,
)
from partnerships.api.serializers.briefs import BriefOrganisationSerializer
from partnerships.models import Organisation, OrganisationIdentifier
from places.api.serializers import BriefSystemSerializer


class IdentifierSerializer(ReadSerializer):
    """An official code as its organisation lists it; ``url`` gives the code in full, with its
    source."""

    url = brief_url("organisationidentifier-detail", lookup_field="pk")

    class Meta:
        model = OrganisationIdentifier
        fields = ["id", "url", "scheme", "code", "valid_from", "valid_to"]


class OrganisationIdentifierSerializer(SourcedSerializer):
    """An official code (ODS, GSS) of an organisation, valid from and to the days given (both
    inclusive; blank: not known, or still valid). Addressed by numeric ``id``."""

    url = brief_url("organisationidentifier-detail", lookup_field="pk")
    organisation = BriefOrganisationSerializer(read_only=True)

    class Meta:
        model = OrganisationIdentifier
        fields = [
            "id",
            "url",
            "organisation",
            "scheme",
            "code",
            "valid_from",
            "valid_to",
            "source_note",
            *SOURCE,
        ]


class OrganisationSerializer(SourcedSerializer):
    url = brief_url("organisation-detail")
    system = BriefSystemSerializer(read_only=True, allow_null=True)
    identifiers = IdentifierSerializer(source="visible_identifiers", many=True, read_only=True)
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
