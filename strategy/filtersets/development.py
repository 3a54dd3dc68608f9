import django_filters
from django.db.models import Q

from icsgov.core.api.filtersets import slug_filter, visible_to_request
from partnerships.models import Board
from places.models import Place, System
from strategy.choices import DevelopmentStatus
from strategy.models import DevelopmentItem, MaturityPeriod, MaturityStatement, MaturityTimeline


class DevelopmentItemFilterSet(django_filters.FilterSet):
    system = slug_filter(
        System, "place__system", "System slug (of the body or the place).", method="filter_system"
    )
    board = slug_filter(Board, "board", "Slug of the body whose development plan it is.")
    place = slug_filter(Place, "place", "Slug of the place whose development plan it is.")
    status = django_filters.ChoiceFilter(choices=DevelopmentStatus.choices)
    due_date = django_filters.DateFromToRangeFilter(
        label="Due in a range: due_date_after, due_date_before (inclusive)."
    )
    q = django_filters.CharFilter(
        method="search", label="Text in the area or the development required."
    )
    ordering = django_filters.OrderingFilter(fields=("order", "due_date", "area"))

    class Meta:
        model = DevelopmentItem
        fields = []

    def filter_system(self, queryset, name, value):
        return queryset.filter(Q(board__system=value) | Q(place__system=value))

    def search(self, queryset, name, value):
        return queryset.filter(Q(area__icontains=value) | Q(development_required__icontains=value))


class MaturityTimelineFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "system", "System slug.")
    q = django_filters.CharFilter(
        field_name="subject", lookup_expr="icontains", label="Text in the subject."
    )
    ordering = django_filters.OrderingFilter(fields=("subject",))

    class Meta:
        model = MaturityTimeline
        fields = []


class MaturityPeriodFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "timeline__system", "System slug.")
    timeline = slug_filter(MaturityTimeline, "timeline", "Maturity timeline slug.")
    ordering = django_filters.OrderingFilter(fields=("order", "start_date", "end_date"))

    class Meta:
        model = MaturityPeriod
        fields = []


class MaturityStatementFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "timeline__system", "System slug.")
    timeline = slug_filter(MaturityTimeline, "timeline", "Maturity timeline slug.")
    period = django_filters.ModelChoiceFilter(
        queryset=visible_to_request(MaturityPeriod), label="Numeric id of the period (column)."
    )
    domain = django_filters.CharFilter(
        lookup_expr="iexact", label="The domain (row heading), e.g. Care redesign."
    )
    q = django_filters.CharFilter(field_name="text", lookup_expr="icontains", label="Text.")
    ordering = django_filters.OrderingFilter(
        fields=("domain", ("period__order", "period"), "order")
    )

    class Meta:
        model = MaturityStatement
        fields = []
