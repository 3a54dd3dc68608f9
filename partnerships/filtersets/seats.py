import django_filters
from django.db.models import Q

from icsgov.core.api.filtersets import TRUE_FALSE, DatedFilterSet, slug_filter
from partnerships.choices import BoardKind, Role, Sector
from partnerships.models import Board, Organisation, Post
from places.models import System

VOTING = (*TRUE_FALSE, ("unknown", "unknown"))


def _voting_q(prefix, value):
    if value == "unknown":
        return Q(**{f"{prefix}voting__isnull": True})
    return Q(**{f"{prefix}voting": value == "true"})


class PostFilterSet(DatedFilterSet):
    system = slug_filter(System, "board__system", "System slug.")
    board = slug_filter(Board, "board", "Body slug.")
    board_kind = django_filters.MultipleChoiceFilter(
        field_name="board__kind", choices=BoardKind.choices, label="Kind of body."
    )
    organisation = slug_filter(
        Organisation, "nominating_organisation", "Slug of the nominating organisation."
    )
    sector = django_filters.ChoiceFilter(field_name="nominating_sector", choices=Sector.choices)
    role = django_filters.MultipleChoiceFilter(choices=Role.choices)
    voting = django_filters.ChoiceFilter(choices=VOTING, method="filter_voting")
    statutory = django_filters.ChoiceFilter(choices=TRUE_FALSE, method="filter_statutory")
    q = django_filters.CharFilter(
        field_name="label", lookup_expr="icontains", label="Text in label."
    )
    ordering = django_filters.OrderingFilter(fields=("label", "order", "role", "start_date"))

    class Meta:
        model = Post
        fields = []

    def filter_voting(self, queryset, name, value):
        return queryset.filter(_voting_q("", value))

    def filter_statutory(self, queryset, name, value):
        return queryset.filter(statutory=value == "true")
