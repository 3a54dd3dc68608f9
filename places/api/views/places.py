from icsgov.core.api.views import RegistryViewSet
from places.api.serializers import ClusterSerializer, PlaceSerializer
from places.filtersets import ClusterFilterSet, PlaceFilterSet
from places.models import Cluster, Place


class PlaceViewSet(RegistryViewSet):
    """Places within systems, usually a local authority footprint."""

    queryset = Place.objects.select_related("system")
    serializer_class = PlaceSerializer
    filterset_class = PlaceFilterSet


class ClusterViewSet(RegistryViewSet):
    """Clusters of general practices with community, care and voluntary services."""

    queryset = Cluster.objects.select_related("place__system", "area")
    serializer_class = ClusterSerializer
    filterset_class = ClusterFilterSet
