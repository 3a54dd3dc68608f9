"""The partnerships app's models, one module per concept (admin/, api/ and filtersets/ follow
the same split)."""

from .organisations import Organisation, OrganisationIdentifier  # isort: skip
from .boards import Board  # isort: skip
from .people import Person  # isort: skip
from .seats import Post  # isort: skip
from .appointments import Membership  # isort: skip
from .terms import Principle, TermsClause, TermsOfReference  # isort: skip
from .meetings import AgendaItem, Attendance, Decision, Meeting, MeetingCycle, MeetingPaper  # isort: skip
from .agreements import Agreement  # isort: skip
from .councils import CouncilArea  # isort: skip
from .interests import GiftOrHospitality, Interest, MeetingDeclaration  # isort: skip

__all__ = [
    "AgendaItem",
    "Agreement",
    "Attendance",
    "Board",
    "CouncilArea",
    "Decision",
    "GiftOrHospitality",
    "Interest",
    "Meeting",
    "MeetingDeclaration",
    "MeetingCycle",
    "MeetingPaper",
    "Membership",
    "Organisation",
    "OrganisationIdentifier",
    "Person",
    "Post",
    "Principle",
    "TermsClause",
    "TermsOfReference",
]
