"""The partnerships app's API views, one module per concept (as models/)."""

from .agreements import AgreementViewSet
from .appointments import MembershipViewSet
from .boards import BoardViewSet
from .meetings import (
    AgendaItemViewSet,
    AttendanceViewSet,
    DecisionViewSet,
    MeetingCycleViewSet,
    MeetingPaperViewSet,
    MeetingViewSet,
)
from .organisations import OrganisationIdentifierViewSet, OrganisationViewSet
from .people import PersonViewSet
from .popolo import SystemPopoloView
from .seats import PostViewSet
from .terms import PrincipleViewSet, TermsClauseViewSet, TermsOfReferenceViewSet

__all__ = [
    "AgendaItemViewSet",
    "AgreementViewSet",
    "AttendanceViewSet",
    "BoardViewSet",
    "DecisionViewSet",
    "MeetingCycleViewSet",
    "MeetingPaperViewSet",
    "MeetingViewSet",
    "MembershipViewSet",
    "OrganisationIdentifierViewSet",
    "OrganisationViewSet",
    "PersonViewSet",
    "PostViewSet",
    "PrincipleViewSet",
    "SystemPopoloView",
    "TermsClauseViewSet",
    "TermsOfReferenceViewSet",
]
