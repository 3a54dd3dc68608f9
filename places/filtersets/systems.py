import django_filters
from django.db.models import Q

from icsgov.core.api.filtersets import DatedFilterSet
from places.choices import NHSRegion, SystemEnding
from places.models import System


class SystemFilterSet(DatedFilterSet):
    region = django_filters.ChoiceFilter(
        choices=NHSRegion.choices, label="NHS region, by its code (e.g. Y59 for South East)."
    )
    end_kind = django_filters.ChoiceFilter(choices=SystemEnding.choices, label="How it ended.")
    q = django_filters.CharFilter(method="search", label="Text in the name or short name.")
    ordering = django_filters.OrderingFilter(
        fields=("name", "short_name", "region", "start_date", "end_date")
    )

    class Meta:
        model = System
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(short_name__icontains=value))
