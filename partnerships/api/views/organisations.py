from icsgov.core.api.views import RegistryViewSet
from partnerships.api.serializers import OrganisationIdentifierSerializer, OrganisationSerializer
from partnerships.filtersets import OrganisationFilterSet, OrganisationIdentifierFilterSet
from partnerships.models import Organisation, OrganisationIdentifier


class OrganisationViewSet(RegistryViewSet):
    """Partner organisations: ICBs, trusts, councils, Healthwatch, VCSE bodies..."""

    queryset = Organisation.objects.select_related("system").prefetch_related("identifiers")
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilterSet


class OrganisationIdentifierViewSet(RegistryViewSet):
    """Organisations' official codes (ODS, GSS), each valid for a period, by numeric id.
    Time-bounded by its days valid: ``as_at`` gives the codes valid on a date."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = OrganisationIdentifier.objects.select_related("organisation")
    serializer_class = OrganisationIdentifierSerializer
    filterset_class = OrganisationIdentifierFilterSet
