import django_filters
from django.db.models import Q

from icsgov.core.api.filtersets import DatedFilterSet, slug_filter
from partnerships.choices import IdentifierScheme, OrganisationKind, Sector
from partnerships.models import Organisation, OrganisationIdentifier
from places.models import System


class OrganisationFilterSet(DatedFilterSet):
    system = slug_filter(System, "system", "System slug.")
    sector = django_filters.ChoiceFilter(choices=Sector.choices)
    kind = django_filters.ChoiceFilter(choices=OrganisationKind.choices)
    q = django_filters.CharFilter(method="search", label="Text in the name or short name.")
    ordering = django_filters.OrderingFilter(fields=("name", "short_name", "sector", "start_date"))

    class Meta:
        model = Organisation
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(short_name__icontains=value))


class OrganisationIdentifierFilterSet(DatedFilterSet):
    """``as_at`` gives the codes valid on the date (first and last day valid both inclusive; a
    blank day is open-ended)."""

    system = slug_filter(System, "organisation__system", "System slug (of the organisation).")
    organisation = slug_filter(Organisation, "organisation", "Organisation slug.")
    scheme = django_filters.ChoiceFilter(choices=IdentifierScheme.choices)
    code = django_filters.CharFilter(lookup_expr="iexact", label="The code, e.g. QRL.")
    ordering = django_filters.OrderingFilter(fields=("scheme", "code", "valid_from", "valid_to"))

    class Meta:
        model = OrganisationIdentifier
        fields = []
