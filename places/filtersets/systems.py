import django_filters
from django.db.models import Q

from icsgov.core.api.filtersets import DatedFilterSet
from places.models import System


class SystemFilterSet(DatedFilterSet):
    q = django_filters.CharFilter(method="search", label="Text in the name or short name.")
    ordering = django_filters.OrderingFilter(fields=("name", "short_name", "start_date"))

    class Meta:
        model = System
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(short_name__icontains=value))
