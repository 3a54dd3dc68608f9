"""The partnerships app's serializers, one module per concept (as models/); ``briefs`` holds
each model in brief, as other answers nest it."""

from .appointments import BoardMemberSerializer, MembershipSerializer, MembershipWriteSerializer
from .boards import BoardDetailSerializer, BoardSerializer
from .briefs import (
    BriefBoardSerializer,
    BriefMeetingSerializer,
    BriefMembershipSerializer,
    BriefOrganisationSerializer,
    BriefPersonSerializer,
    BriefPostSerializer,
)
from .meetings import (
    AttendanceSerializer,
    AttendanceWriteSerializer,
    DecisionSerializer,
    DecisionWriteSerializer,
    MeetingSerializer,
    MeetingWriteSerializer,
)
from .organisations import IdentifierSerializer, OrganisationSerializer
from .people import PersonSerializer, PersonWriteSerializer
from .seats import BoardSeatSerializer, PostSerializer, PostWriteSerializer
from .terms import TermsClauseSerializer, TermsOfReferenceSerializer

__all__ = [
    "AttendanceSerializer",
    "AttendanceWriteSerializer",
    "BoardDetailSerializer",
    "BoardMemberSerializer",
    "BoardSeatSerializer",
    "BoardSerializer",
    "BriefBoardSerializer",
    "BriefMeetingSerializer",
    "BriefMembershipSerializer",
    "BriefOrganisationSerializer",
    "BriefPersonSerializer",
    "BriefPostSerializer",
    "DecisionSerializer",
    "DecisionWriteSerializer",
    "IdentifierSerializer",
    "MeetingSerializer",
    "MeetingWriteSerializer",
    "MembershipSerializer",
    "MembershipWriteSerializer",
    "OrganisationSerializer",
    "PersonSerializer",
    "PersonWriteSerializer",
    "PostSerializer",
    "PostWriteSerializer",
    "TermsClauseSerializer",
    "TermsOfReferenceSerializer",
]
