from icsgov.core.api.views import RegistryViewSet
from partnerships.api.serializers import OrganisationSerializer
from partnerships.filtersets import OrganisationFilterSet
from partnerships.models import Organisation


class OrganisationViewSet(RegistryViewSet):
    """Partner organisations: ICBs, trusts, councils, Healthwatch, VCSE bodies..."""

    queryset = Organisation.objects.select_related("system").prefetch_related("identifiers")
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilterSet
