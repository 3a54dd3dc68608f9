import django_filters
from django.db.models import Q

from icsgov.api.filtersets import DatedFilterSet, slug_filter
from partnerships.models import Board, Organisation
from places.models import Place, System
from strategy.choices import MilestoneStatus, PriorityStatus, Scope, StrategyKind, StrategyStatus
from strategy.models import GlossaryTerm, Milestone, Priority, Strategy


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


class MilestoneFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "system", "System slug.")
    place = slug_filter(Place, "place", "Place slug.")
    strategy = slug_filter(Strategy, "strategy", "Strategy slug.")
    board = django_filters.ModelChoiceFilter(
        method="filter_board",
        to_field_name="slug",
        queryset=slug_filter(Board, "board", "").queryset,
        label="Body slug: milestones of the body or owned by it.",
    )
    organisation = slug_filter(Organisation, "owner_organisation", "Owner organisation slug.")
    status = django_filters.ChoiceFilter(choices=MilestoneStatus.choices)
    scope = django_filters.ChoiceFilter(choices=Scope.choices)
    date = django_filters.DateFromToRangeFilter(
        label="Milestone date in a range: date_after, date_before (inclusive)."
    )
    q = django_filters.CharFilter(method="search", label="Text in the title or description.")
    ordering = django_filters.OrderingFilter(fields=("date", "order", "title"))

    class Meta:
        model = Milestone
        fields = []

    def filter_board(self, queryset, name, value):
        return queryset.filter(Q(board=value) | Q(owner_board=value))

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value))


class GlossaryTermFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "system", "System slug.")
    q = django_filters.CharFilter(method="search", label="Text in the term, acronym or meaning.")
    ordering = django_filters.OrderingFilter(fields=("term", "acronym"))

    class Meta:
        model = GlossaryTerm
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(term__icontains=value) | Q(acronym__iexact=value) | Q(explanation__icontains=value)
        )
