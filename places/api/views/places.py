from icsgov.core.api.views import RegistryViewSet, visible_prefetch
from places.api.serializers import (
    AreaSerializer,
    ClusterSerializer,
    FootprintSerializer,
    PlaceSerializer,
)
from places.filtersets import AreaFilterSet, ClusterFilterSet, FootprintFilterSet, PlaceFilterSet
from places.models import Area, Cluster, Footprint, Place


class PlaceViewSet(RegistryViewSet):
    """Places within systems, usually a local authority footprint."""

    queryset = Place.objects.select_related("system")
    serializer_class = PlaceSerializer
    filterset_class = PlaceFilterSet


class AreaViewSet(RegistryViewSet):
    """Areas of places (e.g. South West Hampshire within Hampshire), with their clusters."""

    queryset = Area.objects.select_related("place__system")
    serializer_class = AreaSerializer
    filterset_class = AreaFilterSet

    def get_queryset(self):
        user = self.request.user
        return (
            super()
            .get_queryset()
            .prefetch_related(visible_prefetch("clusters", Cluster.objects.all(), user))
        )


class ClusterViewSet(RegistryViewSet):
    """Clusters of general practices with community, care and voluntary services."""

    queryset = Cluster.objects.select_related("place__system", "area")
    serializer_class = ClusterSerializer
    filterset_class = ClusterFilterSet


class FootprintViewSet(RegistryViewSet):
    """Named geographies bodies cover that are not a single place, with the places, areas and
    clusters each covers."""

    queryset = Footprint.objects.select_related("system")
    serializer_class = FootprintSerializer
    filterset_class = FootprintFilterSet

    def get_queryset(self):
        user = self.request.user
        return (
            super()
            .get_queryset()
            .prefetch_related(
                visible_prefetch("places", Place.objects.all(), user),
                visible_prefetch("areas", Area.objects.all(), user),
                visible_prefetch("clusters", Cluster.objects.all(), user),
            )
        )
