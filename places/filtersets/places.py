import django_filters

from icsgov.core.api.filtersets import slug_filter
from places.models import Cluster, Place, System


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
