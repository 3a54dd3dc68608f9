from icsgov.core.api.views import RegistryViewSet
from places.api.serializers import SystemSerializer
from places.filtersets import SystemFilterSet
from places.models import System


class SystemViewSet(RegistryViewSet):
    """Integrated care systems. Time-bounded: use ``as_at`` or ``current``."""

    queryset = System.objects.all()
    serializer_class = SystemSerializer
    filterset_class = SystemFilterSet
