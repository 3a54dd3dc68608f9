from icsgov.core.api.serializers import DATED, SOURCE, SourcedSerializer, brief_url
from partnerships.api.serializers.briefs import BriefBoardSerializer, BriefOrganisationSerializer
from partnerships.models import Agreement
from places.api.serializers import BriefSystemSerializer


class AgreementSerializer(SourcedSerializer):
    """An instrument binding partners, with its parties (those the client may see, prefetched
    by ``AgreementViewSet`` as ``visible_parties``) and the body overseeing it (null when that
    body is not public)."""

    url = brief_url("agreement-detail")
    system = BriefSystemSerializer(read_only=True)
    parties = BriefOrganisationSerializer(source="visible_parties", many=True, read_only=True)
    overseen_by = BriefBoardSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Agreement
        fields = [
            "slug",
            "url",
            "name",
            "kind",
            "status",
            "system",
            "parties",
            "overseen_by",
            "value_gbp",
            "value_note",
            *DATED,
            *SOURCE,
        ]
