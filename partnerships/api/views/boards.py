from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.response import Response

from icsgov.core.api.views import RegistryViewSet, visible_prefetch
from icsgov.core.visibility import visible
from partnerships.api.serializers import (
    AttendanceRecordSerializer,
    BoardDetailSerializer,
    BoardSerializer,
)
from partnerships.api.views.params import (
    AS_AT_DETAIL,
    attendance_year,
    attendance_year_parameter,
)
from partnerships.filtersets import BoardFilterSet
from partnerships.models import Board, Membership, Organisation
from partnerships.selectors import attendance_records, attendance_years


@extend_schema_view(retrieve=extend_schema(parameters=[AS_AT_DETAIL]))
class BoardViewSet(RegistryViewSet):
    """Governance bodies of every kind. The detail describes the body as at ``as_at``
    (default today): members, seats with places filled and vacant, terms of reference in force,
    chair arrangement."""

    queryset = Board.objects.select_related("system", "place", "footprint", "cluster", "parent")
    serializer_class = BoardSerializer
    filterset_class = BoardFilterSet

    def get_serializer_class(self):
        return BoardDetailSerializer if self.action == "retrieve" else BoardSerializer

    def get_queryset(self):
        user = self.request.user
        return (
            super()
            .get_queryset()
            .prefetch_related(
                visible_prefetch("convening_organisations", Organisation.objects.all(), user),
                visible_prefetch("predecessors", Board.objects.all(), user),
                visible_prefetch("successors", Board.objects.all(), user),
            )
        )

    @extend_schema(
        parameters=[attendance_year_parameter("the latest in which the body held a meeting")],
        responses=AttendanceRecordSerializer(many=True),
    )
    @action(detail=True, url_path="attendance", pagination_class=None, filterset_class=None)
    def attendance(self, request, slug=None):
        """Each member's attendance at the body's meetings in a calendar year
        (``?year=``; also ``?format=csv``): meetings held while they held the seat (cancelled
        ones not counted), attended in person, virtually, sent a substitute, apologies,
        absent, not recorded (never counted as absent), the rate (substitutes not counted as
        attending) and the body's expectation from its terms of reference."""
        board = self.get_object()
        year = attendance_year(request, attendance_years([board]))
        memberships = visible(Membership.objects.filter(post__board=board), request.user).order_by(
            "post__order", "post__label", "person__sort_name", "start_date"
        )
        records = attendance_records(memberships, year) if year else []
        data = AttendanceRecordSerializer(records, many=True, context={"request": request}).data
        return Response({"board": board.slug, "year": year, "results": data})

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action == "retrieve" and getattr(self, "request", None) is not None:
            context["as_at"] = self.as_at  # the date the detail describes the body at
        return context
