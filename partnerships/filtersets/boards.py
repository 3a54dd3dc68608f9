import django_filters
from django.db.models import Q

from icsgov.core.api.filtersets import DatedFilterSet, slug_filter
from partnerships.choices import BoardKind, BoardStatus
from partnerships.models import Board, Organisation
from places.models import Place, System


class BoardFilterSet(DatedFilterSet):
    system = slug_filter(System, "system", "System slug.")
    place = slug_filter(
        Place,
        "place",
        "Place slug: bodies of the place, directly or through a footprint or cluster.",
        method="filter_place",
    )
    kind = django_filters.MultipleChoiceFilter(
        choices=BoardKind.choices, label="Kind of body (repeat for several)."
    )
    status = django_filters.ChoiceFilter(choices=BoardStatus.choices)
    parent = slug_filter(Board, "parent", "Slug of the parent body.")
    organisation = slug_filter(
        Organisation, "convening_organisations", "Slug of a convening organisation."
    )
    q = django_filters.CharFilter(method="search", label="Text in the name or short name.")
    ordering = django_filters.OrderingFilter(fields=("name", "kind", "start_date", "end_date"))

    class Meta:
        model = Board
        fields = []

    def filter_place(self, queryset, name, value):
        return queryset.filter(pk__in=Board.objects.in_place(value).values("pk"))

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(short_name__icontains=value))
