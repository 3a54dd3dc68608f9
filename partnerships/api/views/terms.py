from icsgov.core.api.views import RegistryViewSet
from partnerships.api.serializers import TermsOfReferenceSerializer
from partnerships.filtersets import TermsOfReferenceFilterSet
from partnerships.models import TermsOfReference


class TermsOfReferenceViewSet(RegistryViewSet):
    """Versions of bodies' terms of reference. Drafts are never public; ``as_at`` gives the
    version in force on a date."""

    queryset = TermsOfReference.objects.select_related(
        "board", "approval_meeting"
    ).prefetch_related("clauses")
    serializer_class = TermsOfReferenceSerializer
    filterset_class = TermsOfReferenceFilterSet
