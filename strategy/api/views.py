from icsgov.api.schema import writable
from icsgov.api.views import RegistryViewSet, WritableRegistryViewSet
from icsgov.visibility import (
    public_board,
    public_meeting,
    public_organisation,
    public_place,
    public_strategy,
)
from strategy.api.serializers import (
    GlossaryTermSerializer,
    MilestoneSerializer,
    MilestoneWriteSerializer,
    PrioritySerializer,
    StrategySerializer,
)
from strategy.filtersets import (
    GlossaryTermFilterSet,
    MilestoneFilterSet,
    PriorityFilterSet,
    StrategyFilterSet,
)
from strategy.models import GlossaryTerm, Milestone, Priority, Strategy


class StrategyViewSet(RegistryViewSet):
    """Strategies and plans. Drafts are never public."""

    queryset = Strategy.objects.select_related("system", "place", "owner_board", "based_on")
    serializer_class = StrategySerializer
    filterset_class = StrategyFilterSet
    public_links = {"owner_board": public_board, "based_on": public_strategy}


class PriorityViewSet(RegistryViewSet):
    """Priorities of strategies, addressed by numeric id (they have no slug)."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = Priority.objects.select_related("strategy")
    serializer_class = PrioritySerializer
    filterset_class = PriorityFilterSet


@writable
class MilestoneViewSet(WritableRegistryViewSet):
    """Dated events, kept at the precision the papers give."""

    queryset = Milestone.objects.select_related(
        "system", "place", "strategy", "board", "meeting", "owner_board", "owner_organisation"
    )
    serializer_class = MilestoneSerializer
    write_serializer_class = MilestoneWriteSerializer
    filterset_class = MilestoneFilterSet
    public_links = {
        "place": public_place,
        "strategy": public_strategy,
        "board": public_board,
        "meeting": public_meeting,
        "owner_board": public_board,
        "owner_organisation": public_organisation,
    }


class GlossaryTermViewSet(RegistryViewSet):
    """Terms and acronyms as the papers explain them, addressed by numeric id."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = GlossaryTerm.objects.select_related("system")
    serializer_class = GlossaryTermSerializer
    filterset_class = GlossaryTermFilterSet
