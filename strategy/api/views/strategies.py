from icsgov.core.api.views import RegistryViewSet, visible_prefetch
from strategy.api.serializers import (
    ChapterSerializer,
    PrioritySerializer,
    StrategyDetailSerializer,
    StrategySerializer,
)
from strategy.filtersets import ChapterFilterSet, PriorityFilterSet, StrategyFilterSet
from strategy.models import Chapter, Priority, Strategy

CHAPTER_LINKS = ("strategy", "place", "owner_board", "overseen_by", "source")


class StrategyViewSet(RegistryViewSet):
    """Strategies and plans. Drafts are never public. The detail gives the strategy's chapters
    (with their owners) and priorities."""

    queryset = Strategy.objects.select_related("system", "place", "owner_board", "based_on")
    serializer_class = StrategySerializer
    filterset_class = StrategyFilterSet

    def get_serializer_class(self):
        return StrategyDetailSerializer if self.action == "retrieve" else StrategySerializer

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.action != "retrieve":
            return queryset
        user = self.request.user
        return queryset.prefetch_related(
            visible_prefetch(
                "chapters",
                Chapter.objects.select_related(*CHAPTER_LINKS).order_by("number"),
                user,
            ),
            visible_prefetch(
                "priorities",
                Priority.objects.select_related("strategy", "source").order_by("order"),
                user,
            ),
        )


class ChapterViewSet(RegistryViewSet):
    """Chapters of strategies with the bodies that own and oversee them, addressed by numeric id
    (they have no slug)."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = Chapter.objects.select_related(*CHAPTER_LINKS)
    serializer_class = ChapterSerializer
    filterset_class = ChapterFilterSet


class PriorityViewSet(RegistryViewSet):
    """Priorities of strategies, addressed by numeric id (they have no slug)."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = Priority.objects.select_related("strategy")
    serializer_class = PrioritySerializer
    filterset_class = PriorityFilterSet
