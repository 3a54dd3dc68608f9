from icsgov.core.api.schema import writable
from icsgov.core.api.views import WritableRegistryViewSet
from partnerships.api.serializers.interests import (
    GiftOrHospitalitySerializer,
    GiftOrHospitalityWriteSerializer,
    InterestSerializer,
    InterestWriteSerializer,
    MeetingDeclarationSerializer,
    MeetingDeclarationWriteSerializer,
)
from partnerships.filtersets.interests import (
    GiftOrHospitalityFilterSet,
    InterestFilterSet,
    MeetingDeclarationFilterSet,
)
from partnerships.models import GiftOrHospitality, Interest, MeetingDeclaration


@writable
class InterestViewSet(WritableRegistryViewSet):
    """Registers of interests: what members declare to the body whose seat they hold, and nil
    returns, by numeric id. Anonymous clients see published entries; a withheld entry is never
    listed (the register downloads, ``/boards/<slug>/interests.json``, count withheld entries
    with their reason)."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = Interest.objects.select_related("person", "membership__post__board", "organisation")
    serializer_class = InterestSerializer
    write_serializer_class = InterestWriteSerializer
    filterset_class = InterestFilterSet


@writable
class GiftOrHospitalityViewSet(WritableRegistryViewSet):
    """Registers of gifts and hospitality, by numeric id. Anonymous clients see published
    entries of published people's public appointments."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = GiftOrHospitality.objects.select_related(
        "person", "membership__post__board", "giver_organisation"
    )
    serializer_class = GiftOrHospitalitySerializer
    write_serializer_class = GiftOrHospitalityWriteSerializer
    filterset_class = GiftOrHospitalityFilterSet


@writable
class MeetingDeclarationViewSet(WritableRegistryViewSet):
    """Interests declared at meetings, against the agenda item, with what the member did, by
    numeric id. Anonymous clients see those of published meetings held in public."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = MeetingDeclaration.objects.select_related("meeting", "person", "interest")
    serializer_class = MeetingDeclarationSerializer
    write_serializer_class = MeetingDeclarationWriteSerializer
    filterset_class = MeetingDeclarationFilterSet
