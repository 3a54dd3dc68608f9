from icsgov.core.api.views import RegistryViewSet
from partnerships.api.serializers import (
    PrincipleSerializer,
    TermsClauseDetailSerializer,
    TermsOfReferenceSerializer,
)
from partnerships.filtersets import (
    PrincipleFilterSet,
    TermsClauseFilterSet,
    TermsOfReferenceFilterSet,
)
from partnerships.models import Principle, TermsClause, TermsOfReference


class TermsOfReferenceViewSet(RegistryViewSet):
    """Versions of bodies' terms of reference. Drafts are never public; ``as_at`` gives the
    version in force on a date."""

    queryset = TermsOfReference.objects.select_related(
        "board", "approval_meeting"
    ).prefetch_related("clauses")
    serializer_class = TermsOfReferenceSerializer
    filterset_class = TermsOfReferenceFilterSet


class TermsClauseViewSet(RegistryViewSet):
    """The clauses of public terms-of-reference versions, by numeric id, classified by topic
    (each version also lists its clauses)."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = TermsClause.objects.select_related("terms__board")
    serializer_class = TermsClauseDetailSerializer
    filterset_class = TermsClauseFilterSet


class PrincipleViewSet(RegistryViewSet):
    """Principles bodies adopted (e.g. HIOW's ten partnership principles), by numeric id."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = Principle.objects.select_related("board")
    serializer_class = PrincipleSerializer
    filterset_class = PrincipleFilterSet
