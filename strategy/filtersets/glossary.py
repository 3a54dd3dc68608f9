import django_filters
from django.db.models import Q

from icsgov.core.api.filtersets import slug_filter
from places.models import System
from strategy.models import GlossaryTerm


class GlossaryTermFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "system", "System slug.")
    q = django_filters.CharFilter(method="search", label="Text in the term, acronym or meaning.")
    ordering = django_filters.OrderingFilter(fields=("term", "acronym"))

    class Meta:
        model = GlossaryTerm
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(term__icontains=value) | Q(acronym__iexact=value) | Q(explanation__icontains=value)
        )
