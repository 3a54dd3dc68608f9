import django_filters
from django.db.models import Q

from icsgov.core.api.filtersets import slug_filter
from places.models import Area, Cluster, Footprint, Place, System


class PlaceFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "system", "System slug.")
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label="Text in name.")
    ordering = django_filters.OrderingFilter(fields=("name", "population"))

    class Meta:
        model = Place
        fields = []


class AreaFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "place__system", "System slug.")
    place = slug_filter(Place, "place", "Place slug.")
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label="Text in name.")
    ordering = django_filters.OrderingFilter(fields=("name", "population"))

    class Meta:
        model = Area
        fields = []


class ClusterFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "place__system", "System slug.")
    place = slug_filter(Place, "place", "Place slug.")
    area = slug_filter(Area, "area", "Area slug.")
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label="Text in name.")
    ordering = django_filters.OrderingFilter(fields=("name", "number", "population"))

    class Meta:
        model = Cluster
        fields = []


class FootprintFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "system", "System slug.")
    place = slug_filter(
        Place,
        "places",
        "Place slug: footprints covering the place, or an area or cluster of it.",
        method="filter_place",
    )
    area = slug_filter(
        Area,
        "areas",
        "Area slug: footprints covering the area, or a cluster of it.",
        method="filter_area",
    )
    cluster = slug_filter(Cluster, "clusters", "Cluster slug: footprints covering the cluster.")
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label="Text in name.")
    ordering = django_filters.OrderingFilter(fields=("name", "population"))

    class Meta:
        model = Footprint
        fields = []

    def filter_place(self, queryset, name, value):
        covering = Footprint.objects.filter(
            Q(places=value) | Q(areas__place=value) | Q(clusters__place=value)
        )
        return queryset.filter(pk__in=covering.values("pk"))

    def filter_area(self, queryset, name, value):
        covering = Footprint.objects.filter(Q(areas=value) | Q(clusters__area=value))
        return queryset.filter(pk__in=covering.values("pk"))
