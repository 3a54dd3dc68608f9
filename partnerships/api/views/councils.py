from django.db.models import Prefetch

from icsgov.core.api.views import RegistryViewSet
from icsgov.core.visibility import visible
from partnerships.api.serializers.councils import CouncilAreaSerializer
from partnerships.filtersets.councils import CouncilAreaFilterSet
from partnerships.models import CouncilArea, OrganisationIdentifier
from places.models import System


class CouncilAreaViewSet(RegistryViewSet):
    """Upper-tier councils in systems' areas, period by period: ``?system=<slug>&as_at=`` gives a
    system's councils on a date (split councils with their share; ``status`` and ``is_fact`` say
    how far each link is confirmed). Time-bounded: ``as_at`` or ``current``."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = CouncilArea.objects.select_related("organisation", "system").order_by(
        "organisation__name", "valid_from", "pk"
    )
    serializer_class = CouncilAreaSerializer
    filterset_class = CouncilAreaFilterSet

    def get_queryset(self):
        systems = visible(System.objects.order_by("name"), self.request.user)
        return (
            super()
            .get_queryset()
            .prefetch_related(
                Prefetch("candidates", queryset=systems),
                Prefetch(
                    "organisation__identifiers", queryset=OrganisationIdentifier.objects.all()
                ),
            )
        )

    def get_serializer_context(self):
        # Codes are given as at the list's (or the detail's) as_at date, today by default.
        context = super().get_serializer_context()
        if getattr(self, "request", None) is not None:
            context["as_at"] = self.as_at
        return context
