import django_filters
from django.db.models import Q

from icsgov.core.api.filtersets import MonthFilter, slug_filter
from partnerships.choices import (
    AttendanceStatus,
    BoardKind,
    DecisionOutcome,
    MeetingKind,
    MeetingStatus,
    PaperKind,
)
from partnerships.models import (
    AgendaItem,
    Attendance,
    Board,
    Decision,
    Meeting,
    MeetingCycle,
    MeetingPaper,
    Organisation,
    Person,
)
from places.models import System


class MeetingFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "board__system", "System slug.")
    board = slug_filter(Board, "board", "Body slug.")
    board_kind = django_filters.MultipleChoiceFilter(
        field_name="board__kind", choices=BoardKind.choices, label="Kind of body."
    )
    organisation = slug_filter(Organisation, "host_organisation", "Host organisation slug.")
    kind = django_filters.ChoiceFilter(choices=MeetingKind.choices)
    status = django_filters.ChoiceFilter(choices=MeetingStatus.choices)
    date = django_filters.DateFromToRangeFilter(
        label="Meeting date in a range: date_after, date_before (inclusive)."
    )
    month = MonthFilter(
        method="in_month",
        label="Meetings that may fall in a month (YYYY-MM): a meeting dated to the day in it, "
        "or dated only to that month or a range of months including it.",
    )
    q = django_filters.CharFilter(method="search", label="Text in the title or purpose.")
    ordering = django_filters.OrderingFilter(fields=("date", "title"))

    class Meta:
        model = Meeting
        fields = []

    def in_month(self, queryset, name, value):
        return queryset.in_month(value)

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(purpose__icontains=value))


class AttendanceFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "meeting__board__system", "System slug.")
    board = slug_filter(Board, "meeting__board", "Body slug.")
    meeting = slug_filter(Meeting, "meeting", "Meeting slug.")
    person = slug_filter(Person, "person", "Person slug.")
    status = django_filters.ChoiceFilter(choices=AttendanceStatus.choices)
    ordering = django_filters.OrderingFilter(fields=("meeting__date", "person__name", "id"))

    class Meta:
        model = Attendance
        fields = []


class DecisionFilterSet(django_filters.FilterSet):
    """The decision register's filters (the register page and the API alike)."""

    system = slug_filter(System, "meeting__board__system", "System slug.")
    board = slug_filter(Board, "meeting__board", "Body slug.")
    meeting = slug_filter(Meeting, "meeting", "Meeting slug.")
    recorded = django_filters.ChoiceFilter(
        choices=[("decision", "Decisions"), ("recommendation", "Recommendations")],
        method="by_recorded",
        label="decision: decisions only (an outcome recorded); recommendation: "
        "recommendations with no decision recorded.",
    )
    outcome = django_filters.MultipleChoiceFilter(
        choices=DecisionOutcome.choices, label="Outcome (repeat for several)."
    )
    key_decision = django_filters.BooleanFilter(
        field_name="is_key_decision", label="Key decisions only (true) or none of them (false)."
    )
    date = django_filters.DateFromToRangeFilter(
        field_name="meeting__date",
        label="Meeting date in a range: date_after, date_before (inclusive).",
    )
    q = django_filters.CharFilter(field_name="text", lookup_expr="icontains", label="Text.")
    ordering = django_filters.OrderingFilter(fields=("meeting__date", "order", "id"))

    class Meta:
        model = Decision
        fields = []

    def by_recorded(self, queryset, name, value):
        return queryset.decisions() if value == "decision" else queryset.recommendations()


class AgendaItemFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "meeting__board__system", "System slug.")
    board = slug_filter(Board, "meeting__board", "Body slug.")
    meeting = slug_filter(Meeting, "meeting", "Meeting slug.")
    ordering = django_filters.OrderingFilter(fields=("meeting__date", "order", "id"))

    class Meta:
        model = AgendaItem
        fields = []


class MeetingPaperFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "meeting__board__system", "System slug.")
    board = slug_filter(Board, "meeting__board", "Body slug.")
    meeting = slug_filter(Meeting, "meeting", "Meeting slug.")
    kind = django_filters.ChoiceFilter(choices=PaperKind.choices)
    q = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", label="Text in title."
    )
    ordering = django_filters.OrderingFilter(fields=("meeting__date", "title", "id"))

    class Meta:
        model = MeetingPaper
        fields = []


class MeetingCycleFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "board__system", "System slug.")
    board = slug_filter(Board, "board", "Body slug.")
    ordering = django_filters.OrderingFilter(fields=("first_month", "id"))

    class Meta:
        model = MeetingCycle
        fields = []
