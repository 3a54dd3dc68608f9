from icsgov.core.api.views import RegistryViewSet, visible_prefetch
from partnerships.api.serializers import AgreementSerializer
from partnerships.filtersets import AgreementFilterSet
from partnerships.models import Agreement, Organisation


class AgreementViewSet(RegistryViewSet):
    """Agreements binding partners: section 75 agreements, pooled budgets, memoranda of
    understanding, alliance agreements. Time-bounded: use ``as_at`` or ``current``."""

    queryset = Agreement.objects.select_related("system", "overseen_by")
    serializer_class = AgreementSerializer
    filterset_class = AgreementFilterSet

    def get_queryset(self):
        parties = visible_prefetch("parties", Organisation.objects.all(), self.request.user)
        return super().get_queryset().prefetch_related(parties)
