from icsgov.core.api.views import RegistryViewSet, visible_prefetch
from partnerships.api.serializers import OrganisationIdentifierSerializer, OrganisationSerializer
from partnerships.filtersets import OrganisationFilterSet, OrganisationIdentifierFilterSet
from partnerships.models import Organisation, OrganisationIdentifier


class OrganisationViewSet(RegistryViewSet):
    """Partner organisations: ICBs, trusts, councils, Healthwatch, VCSE bodies..."""

    queryset = Organisation.objects.select_related("system")
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilterSet

    def get_queryset(self):
        # The codes as the viewer may see them (those of an organisation they may see), in one
        # query: the lean read makes the page's codes from it (icsgov.core.api.lean).
        codes = visible_prefetch(
            "identifiers", OrganisationIdentifier.objects.all(), self.request.user
        )
        return super().get_queryset().prefetch_related(codes)


class OrganisationIdentifierViewSet(RegistryViewSet):
    """Organisations' official codes (ODS, GSS), each valid for a period, by numeric id.
    Time-bounded by its days valid: ``as_at`` gives the codes valid on a date."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = OrganisationIdentifier.objects.select_related("organisation")
    serializer_class = OrganisationIdentifierSerializer
    filterset_class = OrganisationIdentifierFilterSet
