import django_filters
from django.db.models import Q

from icsgov.core.api.filtersets import slug_filter
from partnerships.models import Board, Organisation
from places.models import Place, System
from strategy.choices import MilestoneStatus, Scope
from strategy.models import Milestone, Strategy


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
