from icsgov.api.views import RegistryViewSet
from places.api.serializers import ClusterSerializer, PlaceSerializer, SystemSerializer
from places.filtersets import ClusterFilterSet, PlaceFilterSet, SystemFilterSet
from places.models import Cluster, Place, System


class SystemViewSet(RegistryViewSet):
    """Integrated care systems. Time-bounded: use ``as_at`` or ``current``."""

    queryset = System.objects.all()
    serializer_class = SystemSerializer
    filterset_class = SystemFilterSet


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
