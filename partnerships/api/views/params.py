"""Parameters several of the app's resources document."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

AS_AT_DETAIL = OpenApiParameter(
    "as_at",
    OpenApiTypes.DATE,
    description="Describe the record as at this date (YYYY-MM-DD); default today.",
)
