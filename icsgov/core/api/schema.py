from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

FIELDS = OpenApiParameter(
    "fields",
    OpenApiTypes.STR,
    description="Comma-separated field names to keep in each object, e.g. slug,name,url. "
    "An unknown name is a 400.",
)


class RegistrySchema(AutoSchema):
    """Documents ``?fields=`` on every registry list and detail (icsgov.api.views.FieldsMixin)."""

    def get_override_parameters(self):
        from icsgov.core.api.views import FieldsMixin

        parameters = super().get_override_parameters()
        if isinstance(self.view, FieldsMixin):
            parameters = [*parameters, FIELDS]
        return parameters


def writable(viewset):
    """Documents a WritableRegistryViewSet's writes: input as its write serializer, the answer
    as its read serializer, and the error answers."""
    from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view

    from icsgov.core.api.serializers import ErrorSerializer

    read, write = viewset.serializer_class, viewset.write_serializer_class
    errors = {
        401: OpenApiResponse(ErrorSerializer, description="No valid token."),
        403: OpenApiResponse(
            ErrorSerializer, description="No secretariat role on the record's system."
        ),
        404: OpenApiResponse(ErrorSerializer, description="No such record, or not yours to see."),
    }
    invalid = {400: OpenApiResponse(ErrorSerializer, description="A field or a rule is broken.")}
    return extend_schema_view(
        create=extend_schema(request=write, responses={201: read, **invalid, **errors}),
        update=extend_schema(request=write, responses={200: read, **invalid, **errors}),
        partial_update=extend_schema(request=write, responses={200: read, **invalid, **errors}),
        destroy=extend_schema(
            responses={
                204: None,
                409: OpenApiResponse(ErrorSerializer, description="Still referred to."),
                **errors,
            }
        ),
    )(viewset)
