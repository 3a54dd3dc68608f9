"""The partnerships app's API views, one module per concept (as models/)."""

from .appointments import MembershipViewSet
from .boards import BoardViewSet
from .meetings import AttendanceViewSet, DecisionViewSet, MeetingViewSet
from .organisations import OrganisationViewSet
from .people import PersonViewSet
from .popolo import SystemPopoloView
from .seats import PostViewSet
from .terms import TermsOfReferenceViewSet

__all__ = [
    "AttendanceViewSet",
    "BoardViewSet",
    "DecisionViewSet",
    "MeetingViewSet",
    "MembershipViewSet",
    "OrganisationViewSet",
    "PersonViewSet",
    "PostViewSet",
    "SystemPopoloView",
    "TermsOfReferenceViewSet",
]
