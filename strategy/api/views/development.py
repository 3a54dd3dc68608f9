from django.db.models import Prefetch

from icsgov.core.api.views import RegistryViewSet
from strategy.api.serializers import (
    DevelopmentItemSerializer,
    MaturityPeriodDetailSerializer,
    MaturityStatementDetailSerializer,
    MaturityTimelineDetailSerializer,
    MaturityTimelineSerializer,
)
from strategy.filtersets import (
    DevelopmentItemFilterSet,
    MaturityPeriodFilterSet,
    MaturityStatementFilterSet,
    MaturityTimelineFilterSet,
)
from strategy.models import DevelopmentItem, MaturityPeriod, MaturityStatement, MaturityTimeline


class DevelopmentItemViewSet(RegistryViewSet):
    """Rows of bodies' and places' development tables: the area, the development required,
    when it is due (at its precision) and where it stands."""

    queryset = DevelopmentItem.objects.select_related("board__system", "place__system")
    serializer_class = DevelopmentItemSerializer
    filterset_class = DevelopmentItemFilterSet


class MaturityTimelineViewSet(RegistryViewSet):
    """Maturity timelines: how something (e.g. clusters) should mature, domain by period. The
    list gives each timeline's periods; the detail also its statements."""

    queryset = MaturityTimeline.objects.select_related("system").prefetch_related("periods")
    serializer_class = MaturityTimelineSerializer
    filterset_class = MaturityTimelineFilterSet

    def get_serializer_class(self):
        if self.action == "retrieve":
            return MaturityTimelineDetailSerializer
        return MaturityTimelineSerializer

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.action != "retrieve":
            return queryset
        statements = MaturityStatement.objects.select_related("period")
        return queryset.prefetch_related(Prefetch("statements", queryset=statements))


class MaturityPeriodViewSet(RegistryViewSet):
    """The periods (columns) of maturity timelines, by numeric id."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = MaturityPeriod.objects.select_related("timeline")
    serializer_class = MaturityPeriodDetailSerializer
    filterset_class = MaturityPeriodFilterSet


class MaturityStatementViewSet(RegistryViewSet):
    """The statements (cells) of maturity timelines, by numeric id: what is expected in a
    domain by a period."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = MaturityStatement.objects.select_related("timeline", "period")
    serializer_class = MaturityStatementDetailSerializer
    filterset_class = MaturityStatementFilterSet
