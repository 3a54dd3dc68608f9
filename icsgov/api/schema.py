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
        from icsgov.api.views import FieldsMixin

        parameters = super().get_override_parameters()
        if isinstance(self.view, FieldsMixin):
            parameters = [*parameters, FIELDS]
        return parameters
