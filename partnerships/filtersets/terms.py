import django_filters
from django.db.models import Q

from icsgov.core.api.filtersets import DatedFilterSet, slug_filter
from partnerships.choices import ClauseTopic, TermsStatus
from partnerships.models import Board, Principle, TermsClause, TermsOfReference
from places.models import System


class TermsOfReferenceFilterSet(DatedFilterSet):
    system = slug_filter(System, "board__system", "System slug.")
    board = slug_filter(Board, "board", "Body slug.")
    status = django_filters.ChoiceFilter(choices=TermsStatus.choices)
    ordering = django_filters.OrderingFilter(fields=("in_force_from", "version", "approved_on"))

    class Meta:
        model = TermsOfReference
        fields = []

    def filter_as_at(self, queryset, name, value):
        """Versions in force on the date: ratified, in force from on or before it, to after."""
        return queryset.in_force_on(value)


class TermsClauseFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "terms__board__system", "System slug.")
    board = slug_filter(Board, "terms__board", "Body slug.")
    terms = slug_filter(TermsOfReference, "terms", "Slug of the terms-of-reference version.")
    topic = django_filters.MultipleChoiceFilter(
        choices=ClauseTopic.choices, label="What the clause is about (repeat for several)."
    )
    q = django_filters.CharFilter(method="search", label="Text in the heading or the clause.")
    ordering = django_filters.OrderingFilter(fields=("order", "topic"))

    class Meta:
        model = TermsClause
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(heading__icontains=value) | Q(text__icontains=value))


class PrincipleFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "board__system", "System slug.")
    board = slug_filter(Board, "board", "Slug of the body that adopted it.")
    q = django_filters.CharFilter(method="search", label="Text in the title or the principle.")
    ordering = django_filters.OrderingFilter(fields=("number", "title", "adopted_on"))

    class Meta:
        model = Principle
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(text__icontains=value))
