from icsgov.core.api.schema import writable
from icsgov.core.api.views import WritableRegistryViewSet
from strategy.api.serializers import MilestoneSerializer, MilestoneWriteSerializer
from strategy.filtersets import MilestoneFilterSet
from strategy.models import Milestone


@writable
class MilestoneViewSet(WritableRegistryViewSet):
    """Dated events, kept at the precision the papers give."""

    queryset = Milestone.objects.select_related(
        "system", "place", "strategy", "board", "meeting", "owner_board", "owner_organisation"
    )
    serializer_class = MilestoneSerializer
    write_serializer_class = MilestoneWriteSerializer
    filterset_class = MilestoneFilterSet
