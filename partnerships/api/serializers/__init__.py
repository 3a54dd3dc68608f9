"""The partnerships app's serializers, one module per concept (as models/); ``briefs`` holds
each model in brief, as other answers nest it."""

from .agreements import AgreementSerializer
from .appointments import BoardMemberSerializer, MembershipSerializer, MembershipWriteSerializer
from .boards import BoardDetailSerializer, BoardSerializer
from .briefs import (
    BriefBoardSerializer,
    BriefMeetingSerializer,
    BriefMembershipSerializer,
    BriefOrganisationSerializer,
    BriefPersonSerializer,
    BriefPostSerializer,
    BriefTermsSerializer,
)
from .meetings import (
    AgendaItemSerializer,
    AttendanceRecordSerializer,
    AttendanceSerializer,
    AttendanceWriteSerializer,
    DecisionSerializer,
    DecisionWriteSerializer,
    MeetingCycleSerializer,
    MeetingDetailSerializer,
    MeetingPaperSerializer,
    MeetingSerializer,
    MeetingWriteSerializer,
)
from .organisations import (
    IdentifierSerializer,
    OrganisationIdentifierSerializer,
    OrganisationSerializer,
)
from .people import PersonSerializer, PersonWriteSerializer
from .seats import BoardSeatSerializer, PostSerializer, PostWriteSerializer
from .terms import (
    PrincipleSerializer,
    TermsClauseDetailSerializer,
    TermsClauseSerializer,
    TermsOfReferenceSerializer,
)

__all__ = [
    "AgendaItemSerializer",
    "AttendanceRecordSerializer",
    "AgreementSerializer",
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
    "BriefTermsSerializer",
    "DecisionSerializer",
    "DecisionWriteSerializer",
    "IdentifierSerializer",
    "MeetingCycleSerializer",
    "MeetingDetailSerializer",
    "MeetingPaperSerializer",
    "MeetingSerializer",
    "MeetingWriteSerializer",
    "MembershipSerializer",
    "MembershipWriteSerializer",
    "OrganisationIdentifierSerializer",
    "OrganisationSerializer",
    "PersonSerializer",
    "PersonWriteSerializer",
    "PostSerializer",
    "PostWriteSerializer",
    "PrincipleSerializer",
    "TermsClauseDetailSerializer",
    "TermsClauseSerializer",
    "TermsOfReferenceSerializer",
]
