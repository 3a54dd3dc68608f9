from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from icsgov.core.api.renderers import OrjsonRenderer
from icsgov.core.api.views import CachedReadMixin, as_at_param
from icsgov.core.visibility import visible
from partnerships.api.popolo import PopoloExportSerializer, popolo_export
from places.models import System


@extend_schema(
    parameters=[
        OpenApiParameter(
            "as_at",
            OpenApiTypes.DATE,
            description="Only records in effect on this date (YYYY-MM-DD); default all dates.",
        )
    ],
    responses={200: PopoloExportSerializer},
)
class SystemPopoloView(CachedReadMixin, APIView):
    """A system's persons, organizations (bodies and partner organisations), posts and
    memberships in Popolo JSON, as at a date if given. Published records only for anonymous
    clients; never contact details."""

    renderer_classes = [OrjsonRenderer, BrowsableAPIRenderer]

    def get(self, request, slug):
        system = get_object_or_404(visible(System.objects.all(), request.user), slug=slug)
        date = as_at_param(request, default_today=False)
        return Response(popolo_export(system, request, date))
