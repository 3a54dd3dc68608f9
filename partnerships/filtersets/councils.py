import django_filters
from django.db.models import Q

from icsgov.core.api.filtersets import DatedFilterSet, slug_filter
from partnerships.choices import CouncilAreaStatus
from partnerships.models import CouncilArea, Organisation
from places.models import System


class CouncilAreaFilterSet(DatedFilterSet):
    """``system`` and ``as_at`` give a system's councils on a date; ``possible_system`` adds the
    links whose system is not known but may be that one."""

    system = slug_filter(System, "system", "System slug: the councils linked to it.")
    possible_system = slug_filter(
        System,
        "candidates",
        "System slug: links whose system is not known but may be this one (status 'unknown').",
    )
    council = slug_filter(Organisation, "organisation", "Council (organisation) slug.")
    status = django_filters.MultipleChoiceFilter(
        choices=CouncilAreaStatus.choices, label="How far the link is confirmed."
    )
    split = django_filters.BooleanFilter(label="true: councils split between systems.")
    q = django_filters.CharFilter(method="search", label="Text in the council's name or code.")
    ordering = django_filters.OrderingFilter(
        fields=("organisation__name", "valid_from", "share_of_area")
    )

    class Meta:
        model = CouncilArea
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(organisation__name__icontains=value) | Q(organisation__identifiers__code=value)
        ).distinct()
