"""One FilterSet per model (NetBox style), one module per concept (as models/)."""

from .agreements import AgreementFilterSet
from .appointments import MembershipFilterSet
from .boards import BoardFilterSet
from .meetings import (
    AgendaItemFilterSet,
    AttendanceFilterSet,
    DecisionFilterSet,
    MeetingCycleFilterSet,
    MeetingFilterSet,
    MeetingPaperFilterSet,
)
from .organisations import OrganisationFilterSet, OrganisationIdentifierFilterSet
from .people import PersonFilterSet
from .seats import PostFilterSet
from .terms import PrincipleFilterSet, TermsClauseFilterSet, TermsOfReferenceFilterSet

__all__ = [
    "AgendaItemFilterSet",
    "AgreementFilterSet",
    "AttendanceFilterSet",
    "BoardFilterSet",
    "DecisionFilterSet",
    "MeetingCycleFilterSet",
    "MeetingFilterSet",
    "MeetingPaperFilterSet",
    "MembershipFilterSet",
    "OrganisationFilterSet",
    "OrganisationIdentifierFilterSet",
    "PersonFilterSet",
    "PostFilterSet",
    "PrincipleFilterSet",
    "TermsClauseFilterSet",
    "TermsOfReferenceFilterSet",
]
