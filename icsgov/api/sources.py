"""``/api/v1/sources/``: the documents the registry draws on, each with what it is and when."""

import django_filters
from django.db.models import Q

from icsgov.core.api.serializers import BriefSourceSerializer, OptionalURLField
from icsgov.core.api.views import RegistryViewSet
from icsgov.core.models import Source, SourceKind


class SourceSerializer(BriefSourceSerializer):
    document_url = OptionalURLField(source="url", help_text="Where the document is published.")

    class Meta(BriefSourceSerializer.Meta):
        fields = [
            *BriefSourceSerializer.Meta.fields,
            "date_end",
            "date_note",
            "file_name",
            "description",
        ]


class SourceFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=SourceKind.choices)
    q = django_filters.CharFilter(method="search", label="Text in the title or publisher.")
    ordering = django_filters.OrderingFilter(fields=("date", "title"))

    class Meta:
        model = Source
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(publisher__icontains=value))


class SourceViewSet(RegistryViewSet):
    """The documents the registry draws on: board papers, reports, guidance, official registers
    and the secretariats' own records. Every record names its source and section."""

    queryset = Source.objects.all()
    serializer_class = SourceSerializer
    filterset_class = SourceFilterSet
