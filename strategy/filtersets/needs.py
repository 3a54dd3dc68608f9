import django_filters

from icsgov.core.api.filtersets import AsAtFilter, slug_filter
from partnerships.models import Board, Organisation
from places.models import System
from strategy.choices import ReconsiderationOutcome
from strategy.models import NeedsAssessment, Reconsideration, Strategy


class NeedsAssessmentFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "system", "System slug.")
    council = slug_filter(Organisation, "council", "Slug of the council whose assessment it is.")
    board = slug_filter(
        Board, "health_and_wellbeing_board", "Slug of the health and wellbeing board."
    )
    as_at = AsAtFilter(
        method="filter_as_at",
        label="Received by the partnership on or before this date (YYYY-MM-DD); an imprecise "
        "date counts from the first day of its period.",
    )
    ordering = django_filters.OrderingFilter(fields=("received_on", "published_on", "title"))

    class Meta:
        model = NeedsAssessment
        fields = []

    def filter_as_at(self, queryset, name, value):
        return queryset.filter(received_on__lte=value)


class ReconsiderationFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "strategy__system", "System slug.")
    strategy = slug_filter(Strategy, "strategy", "Strategy slug.")
    outcome = django_filters.ChoiceFilter(choices=ReconsiderationOutcome.choices)
    ordering = django_filters.OrderingFilter(fields=("considered_on",))

    class Meta:
        model = Reconsideration
        fields = []
