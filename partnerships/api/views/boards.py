from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.response import Response

from icsgov.core.api.views import RegistryViewSet, visible_prefetch
from partnerships.api.serializers import BoardDetailSerializer, BoardSerializer
from partnerships.api.views.params import AS_AT_DETAIL
from partnerships.filtersets import BoardFilterSet
from partnerships.models import Board, Organisation
from partnerships.selectors import board_on


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

    def retrieve(self, request, *args, **kwargs):
        board = self.get_object()
        context = {
            **self.get_serializer_context(),
            "board_on": board_on(board, self.as_at, request.user),
        }
        return Response(self.get_serializer(board, context=context).data)
