from icsgov.core.api.views import RegistryViewSet
from strategy.api.serializers import PrioritySerializer, StrategySerializer
from strategy.filtersets import PriorityFilterSet, StrategyFilterSet
from strategy.models import Priority, Strategy


class StrategyViewSet(RegistryViewSet):
    """Strategies and plans. Drafts are never public."""

    queryset = Strategy.objects.select_related("system", "place", "owner_board", "based_on")
    serializer_class = StrategySerializer
    filterset_class = StrategyFilterSet


class PriorityViewSet(RegistryViewSet):
    """Priorities of strategies, addressed by numeric id (they have no slug)."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = Priority.objects.select_related("strategy")
    serializer_class = PrioritySerializer
    filterset_class = PriorityFilterSet
