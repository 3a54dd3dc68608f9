import django_filters
from django.db.models import Q

from icsgov.core.api.filtersets import DatedFilterSet, slug_filter
from partnerships.choices import BoardKind, MembershipKind, Role, Sector
from partnerships.filtersets.seats import VOTING
from partnerships.models import Board, Membership, Organisation, Person, Post
from places.models import System


class MembershipFilterSet(DatedFilterSet):
    system = slug_filter(System, "post__board__system", "System slug.")
    board = slug_filter(Board, "post__board", "Body slug.")
    board_kind = django_filters.MultipleChoiceFilter(
        field_name="post__board__kind", choices=BoardKind.choices, label="Kind of body."
    )
    post = slug_filter(Post, "post", "Seat slug.")
    person = slug_filter(Person, "person", "Person slug.")
    organisation = slug_filter(Organisation, "on_behalf_of", "On behalf of (organisation slug).")
    sector = django_filters.ChoiceFilter(
        field_name="on_behalf_of__sector", choices=Sector.choices, label="Sector represented."
    )
    role = django_filters.MultipleChoiceFilter(field_name="post__role", choices=Role.choices)
    kind = django_filters.ChoiceFilter(choices=MembershipKind.choices)
    voting = django_filters.ChoiceFilter(
        choices=VOTING,
        method="filter_voting",
        label="Whether the holder votes (the appointment's override, else the seat's).",
    )
    start_date = django_filters.DateFromToRangeFilter(
        label="Started in a range: start_date_after, start_date_before (inclusive)."
    )
    end_date = django_filters.DateFromToRangeFilter(
        label="Ended in a range: end_date_after, end_date_before (inclusive)."
    )
    q = django_filters.CharFilter(method="search", label="Text in the person's name or seat.")
    ordering = django_filters.OrderingFilter(
        fields=("start_date", "end_date", ("person__name", "person"), ("post__label", "post"))
    )

    class Meta:
        model = Membership
        fields = []

    def filter_voting(self, queryset, name, value):
        if value == "unknown":
            return queryset.filter(voting__isnull=True, post__voting__isnull=True)
        own = value == "true"
        return queryset.filter(Q(voting=own) | Q(voting__isnull=True, post__voting=own))

    def search(self, queryset, name, value):
        return queryset.filter(Q(person__name__icontains=value) | Q(post__label__icontains=value))
