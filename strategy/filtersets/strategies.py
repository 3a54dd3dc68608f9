import django_filters
from django.db.models import Q

from icsgov.core.api.filtersets import DatedFilterSet, slug_filter
from partnerships.models import Board
from places.models import Place, System
from strategy.choices import ChapterScope, PriorityStatus, StrategyKind, StrategyStatus
from strategy.models import Chapter, Priority, Strategy


class StrategyFilterSet(DatedFilterSet):
    """``as_at`` gives strategies whose period covers the date."""

    system = slug_filter(System, "system", "System slug.")
    place = slug_filter(Place, "place", "Place slug.")
    board = slug_filter(Board, "owner_board", "Slug of the owning body.")
    kind = django_filters.ChoiceFilter(choices=StrategyKind.choices)
    status = django_filters.ChoiceFilter(choices=StrategyStatus.choices)
    q = django_filters.CharFilter(method="search", label="Text in the name or description.")
    ordering = django_filters.OrderingFilter(
        fields=("name", "period_start", "period_end", "published_on")
    )

    class Meta:
        model = Strategy
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(description__icontains=value))


class PriorityFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "strategy__system", "System slug.")
    strategy = slug_filter(Strategy, "strategy", "Strategy slug.")
    status = django_filters.ChoiceFilter(choices=PriorityStatus.choices)
    q = django_filters.CharFilter(method="search", label="Text in the name or description.")
    ordering = django_filters.OrderingFilter(fields=("order", "name"))

    class Meta:
        model = Priority
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(description__icontains=value))


class ChapterFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "strategy__system", "System slug.")
    strategy = slug_filter(Strategy, "strategy", "Strategy slug.")
    place = slug_filter(Place, "place", "Place slug.")
    board = slug_filter(
        Board,
        "owner_board",
        "Body slug: chapters the body owns or oversees.",
        method="filter_board",
    )
    scope = django_filters.ChoiceFilter(choices=ChapterScope.choices)
    q = django_filters.CharFilter(method="search", label="Text in the title or description.")
    ordering = django_filters.OrderingFilter(fields=("number", "title"))

    class Meta:
        model = Chapter
        fields = []

    def filter_board(self, queryset, name, value):
        return queryset.filter(Q(owner_board=value) | Q(overseen_by=value))

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value))
