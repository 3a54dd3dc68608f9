from icsgov.core.api.views import RegistryViewSet
from strategy.api.serializers import NeedsAssessmentSerializer, ReconsiderationSerializer
from strategy.filtersets import NeedsAssessmentFilterSet, ReconsiderationFilterSet
from strategy.models import NeedsAssessment, Reconsideration


class NeedsAssessmentViewSet(RegistryViewSet):
    """Joint strategic needs assessments the integrated care partnerships received (s116ZB(6)),
    addressed by numeric id. ``as_at`` gives those received on or before the date."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = NeedsAssessment.objects.select_related(
        "system", "council", "health_and_wellbeing_board", "source"
    )
    serializer_class = NeedsAssessmentSerializer
    filterset_class = NeedsAssessmentFilterSet


class ReconsiderationViewSet(RegistryViewSet):
    """Each time an integrated care partnership considered whether to revise its integrated
    care strategy, with the outcome, addressed by numeric id."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = Reconsideration.objects.select_related("strategy", "source")
    serializer_class = ReconsiderationSerializer
    filterset_class = ReconsiderationFilterSet
