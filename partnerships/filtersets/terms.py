import django_filters

from icsgov.core.api.filtersets import DatedFilterSet, slug_filter
from partnerships.choices import TermsStatus
from partnerships.models import Board, TermsOfReference
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
