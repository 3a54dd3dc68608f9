from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view

from icsgov.core.api.schema import writable
from icsgov.core.api.views import WritableRegistryViewSet
from partnerships.api.serializers import PostSerializer, PostWriteSerializer
from partnerships.api.views.params import AS_AT_DETAIL
from partnerships.filtersets import PostFilterSet
from partnerships.models import Post


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "as_at",
                OpenApiTypes.DATE,
                description="Seats in effect on this date; filled and vacancies are counted on "
                "it (default today).",
            )
        ]
    ),
    retrieve=extend_schema(parameters=[AS_AT_DETAIL]),
)
@writable
class PostViewSet(WritableRegistryViewSet):
    """Seats on bodies, with places filled and vacant on ``as_at`` (default today)."""

    queryset = Post.objects.select_related("board", "nominating_organisation")
    serializer_class = PostSerializer
    write_serializer_class = PostWriteSerializer
    filterset_class = PostFilterSet

    def get_queryset(self):
        return super().get_queryset().with_counts(self.as_at, self.request.user)
