import django_filters
from django.db.models import Q

from icsgov.core.api.filtersets import DatedFilterSet, slug_filter
from partnerships.choices import AgreementKind, AgreementStatus
from partnerships.models import Agreement, Board, Organisation
from places.models import System


class AgreementFilterSet(DatedFilterSet):
    system = slug_filter(System, "system", "System slug.")
    kind = django_filters.MultipleChoiceFilter(
        choices=AgreementKind.choices, label="Kind of instrument (repeat for several)."
    )
    status = django_filters.ChoiceFilter(choices=AgreementStatus.choices)
    organisation = slug_filter(Organisation, "parties", "Slug of an organisation party to it.")
    board = slug_filter(Board, "overseen_by", "Slug of the body overseeing it.")
    q = django_filters.CharFilter(method="search", label="Text in the name or the value as worded.")
    ordering = django_filters.OrderingFilter(fields=("name", "start_date", "end_date", "value_gbp"))

    class Meta:
        model = Agreement
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(value_note__icontains=value))
