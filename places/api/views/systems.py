from django.db.models import Prefetch

from icsgov.core.api.views import RegistryViewSet
from icsgov.core.visibility import visible
from places.api.serializers import SystemSerializer
from places.filtersets import SystemFilterSet
from places.models import System


class SystemViewSet(RegistryViewSet):
    """Integrated care systems. Time-bounded: use ``as_at`` or ``current``."""

    queryset = System.objects.all()
    serializer_class = SystemSerializer
    filterset_class = SystemFilterSet

    def get_queryset(self):
        # Predecessors and successors the client may see, read once for the whole page.
        seen = visible(System.objects.order_by("name", "pk"), self.request.user)
        return (
            super()
            .get_queryset()
            .prefetch_related(
                Prefetch("predecessors", queryset=seen), Prefetch("successors", queryset=seen)
            )
        )
