from .agreements import Agreement
from .boards import Board
from .meetings import Attendance, Decision, Meeting, MeetingPaper
from .organisations import Organisation, OrganisationIdentifier
from .people import Membership, Person, Post
from .terms import Principle, TermsClause, TermsOfReference

__all__ = [
    "Agreement",
    "Attendance",
    "Board",
    "Decision",
    "Meeting",
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
