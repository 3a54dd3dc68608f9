import django_filters
from django.db.models import Q

from icsgov.core.api.filtersets import AsAtFilter, slug_filter
from partnerships.choices import (
    GiftKind,
    GiftOutcome,
    InterestCategory,
    InterestType,
    MeetingDeclarationAction,
)
from partnerships.models import (
    Board,
    GiftOrHospitality,
    Interest,
    Meeting,
    MeetingDeclaration,
    Organisation,
    Person,
)
from places.models import System


class RegisterFilterSet(django_filters.FilterSet):
    """What the two registers share: system, body, person and the register as at a date."""

    system = slug_filter(System, "membership__post__board__system", "System slug.")
    board = slug_filter(Board, "membership__post__board", "Body slug.")
    person = slug_filter(Person, "person", "Person slug.")
    as_at = AsAtFilter(method="filter_as_at", label="The register as it stood on this date.")

    def filter_as_at(self, queryset, name, value):
        return queryset.as_at(value)


class InterestFilterSet(RegisterFilterSet):
    as_at = AsAtFilter(
        method="filter_as_at",
        label="The register as it stood on this date (YYYY-MM-DD): declared by then and not "
        "ended before it.",
    )
    category = django_filters.MultipleChoiceFilter(
        choices=InterestCategory.choices, label="Category of interest (repeat for several)."
    )
    interest_type = django_filters.MultipleChoiceFilter(
        choices=InterestType.choices, label="Type of interest (repeat for several)."
    )
    organisation = slug_filter(Organisation, "organisation", "Organisation slug.")
    nil_return = django_filters.BooleanFilter(field_name="is_nil_return", label="Nil returns.")
    declared_on = django_filters.DateFromToRangeFilter(
        label="Date declared in a range: declared_on_after, declared_on_before (inclusive)."
    )
    q = django_filters.CharFilter(method="search", label="Text in the description.")
    ordering = django_filters.OrderingFilter(fields=("declared_on", "interest_from", "id"))

    class Meta:
        model = Interest
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(description__icontains=value) | Q(organisation_name__icontains=value)
        )


class GiftOrHospitalityFilterSet(RegisterFilterSet):
    as_at = AsAtFilter(
        method="filter_as_at",
        label="The register as it stood on this date (YYYY-MM-DD): entries offered by then.",
    )
    category = django_filters.ChoiceFilter(
        field_name="kind", choices=GiftKind.choices, label="Gift or hospitality."
    )
    outcome = django_filters.ChoiceFilter(choices=GiftOutcome.choices)
    organisation = slug_filter(Organisation, "giver_organisation", "Slug of who offered it.")
    date = django_filters.DateFromToRangeFilter(
        label="Date offered in a range: date_after, date_before (inclusive)."
    )
    ordering = django_filters.OrderingFilter(fields=("date", "value_gbp", "id"))

    class Meta:
        model = GiftOrHospitality
        fields = []


class MeetingDeclarationFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "meeting__board__system", "System slug.")
    board = slug_filter(Board, "meeting__board", "Body slug.")
    meeting = slug_filter(Meeting, "meeting", "Meeting slug.")
    person = slug_filter(Person, "person", "Person slug.")
    action = django_filters.ChoiceFilter(choices=MeetingDeclarationAction.choices)
    ordering = django_filters.OrderingFilter(fields=("meeting__date", "item_reference", "id"))

    class Meta:
        model = MeetingDeclaration
        fields = []
