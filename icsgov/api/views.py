from django.utils.functional import cached_property
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.fields import DateField

from icsgov.models import today
from icsgov.visibility import mark_public_links, visible


class RegistryViewSet(viewsets.ReadOnlyModelViewSet):
    """Read-only list and detail by slug, restricted to what the client may see: anonymous
    clients get published records only; staff see everything."""

    lookup_field = "slug"
    #: Nullable links to objects that may be private: {field: rule from icsgov.visibility}.
    public_links: dict = {}

    def get_queryset(self):
        queryset = visible(super().get_queryset(), self.request.user)
        return mark_public_links(queryset, self.request.user, self.public_links)

    def filter_queryset(self, queryset):
        # List filters do not apply to a detail: ``/boards/x/?as_at=D`` describes board x as at
        # D (even before it began: no members then), it does not hide it.
        if self.action == "retrieve":
            return queryset
        return super().filter_queryset(queryset)

    @cached_property
    def as_at(self):
        """The ``as_at`` date a detail answers for (default today); a malformed date is a 400."""
        raw = self.request.query_params.get("as_at")
        if not raw:
            return today()
        try:
            return DateField().to_internal_value(raw)
        except Exception:
            raise ValidationError(
                {"as_at": [f"'{raw}' is not a date; use YYYY-MM-DD, e.g. 2023-04-01."]}
            ) from None
