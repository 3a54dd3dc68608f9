import django_filters
from django.db.models import Q

from icsgov.api.filtersets import DatedFilterSet, slug_filter
from places.models import Cluster, Place, System


class SystemFilterSet(DatedFilterSet):
    q = django_filters.CharFilter(method="search", label="Text in the name or short name.")
    ordering = django_filters.OrderingFilter(fields=("name", "short_name", "start_date"))

    class Meta:
        model = System
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(short_name__icontains=value))


class PlaceFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "system", "System slug.")
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label="Text in name.")
    ordering = django_filters.OrderingFilter(fields=("name", "population"))

    class Meta:
        model = Place
        fields = []


class ClusterFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "place__system", "System slug.")
    place = slug_filter(Place, "place", "Place slug.")
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label="Text in name.")
    ordering = django_filters.OrderingFilter(fields=("name", "number", "population"))

    class Meta:
        model = Cluster
        fields = []
