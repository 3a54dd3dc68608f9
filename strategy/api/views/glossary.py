from icsgov.core.api.views import RegistryViewSet
from strategy.api.serializers import GlossaryTermSerializer
from strategy.filtersets import GlossaryTermFilterSet
from strategy.models import GlossaryTerm


class GlossaryTermViewSet(RegistryViewSet):
    """Terms and acronyms as the papers explain them, addressed by numeric id."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = GlossaryTerm.objects.select_related("system")
    serializer_class = GlossaryTermSerializer
    filterset_class = GlossaryTermFilterSet
