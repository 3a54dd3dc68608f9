"""Parameters several of the app's resources document."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

AS_AT_DETAIL = OpenApiParameter(
    "as_at",
    OpenApiTypes.DATE,
    description="Describe the record as at this date (YYYY-MM-DD); default today.",
)


def attendance_year_parameter(default):
    return OpenApiParameter("year", int, description=f"Calendar year (default: {default}).")


def attendance_year(request, years):
    """The calendar year an attendance read asks for (``?year=``), else the latest of
    ``years`` (None when there is none); a year that is not four digits is a 400."""
    value = request.query_params.get("year", "")
    if value and not (value.isdigit() and 1900 <= int(value) <= 2999):
        raise ValidationError({"year": ["Give the year as four digits, e.g. 2025."]})
    return int(value) if value else (years[0] if years else None)
