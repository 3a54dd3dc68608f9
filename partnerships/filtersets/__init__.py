"""One FilterSet per model (NetBox style), one module per concept (as models/)."""

from .appointments import MembershipFilterSet
from .boards import BoardFilterSet
from .meetings import AttendanceFilterSet, DecisionFilterSet, MeetingFilterSet
from .organisations import OrganisationFilterSet
from .people import PersonFilterSet
from .seats import PostFilterSet
from .terms import TermsOfReferenceFilterSet

__all__ = [
    "AttendanceFilterSet",
    "BoardFilterSet",
    "DecisionFilterSet",
    "MeetingFilterSet",
    "MembershipFilterSet",
    "OrganisationFilterSet",
    "PersonFilterSet",
    "PostFilterSet",
    "TermsOfReferenceFilterSet",
]
