"""What of the partnerships app is public, registered with the framework's engine
(icsgov.core.visibility) in ``PartnershipsConfig.ready()``.

Published records of real systems are public; a draft or withdrawn terms-of-reference version,
an unpublished body, seat, person or appointment never is, nor is anything hanging off them. A
private meeting is listed, but its papers, attendance and decisions stay off the public record.
An attendance is public with its meeting, but the name of a deputy who is not published is
blanked (the ``deputy`` link), never the member's attendance itself.

A register entry (an interest, a gift or hospitality) is public when published, of a public
person's public appointment. A withheld interest is never public: the published register counts
withheld entries with their reason (``withheld_interests``), never showing what they are.
"""

from django.db.models import Q

from icsgov.core import visibility
from icsgov.core.dates import today
from partnerships.choices import TermsStatus
from partnerships.models import (
    AgendaItem,
    Agreement,
    Attendance,
    Board,
    CouncilArea,
    Decision,
    GiftOrHospitality,
    Interest,
    Meeting,
    MeetingCycle,
    MeetingDeclaration,
    MeetingPaper,
    Membership,
    Organisation,
    OrganisationIdentifier,
    Person,
    Post,
    Principle,
    TermsClause,
    TermsOfReference,
)
from places.models import System
from places.visibility import public_system


def _q(prefix, **lookups):
    return Q(**{f"{prefix}{key}": value for key, value in lookups.items()})


def public_organisation(prefix=""):
    in_public_system_or_none = _q(prefix, system__isnull=True) | public_system(f"{prefix}system__")
    return _q(prefix, is_published=True) & in_public_system_or_none


def public_identifier(prefix=""):
    return public_organisation(f"{prefix}organisation__")


def public_council_area(prefix=""):
    # A published council's link to a real system, or a link whose system is not known.
    in_public_system_or_none = _q(prefix, system__isnull=True) | public_system(f"{prefix}system__")
    return public_organisation(f"{prefix}organisation__") & in_public_system_or_none


def public_board(prefix=""):
    return _q(prefix, is_published=True) & public_system(f"{prefix}system__")


def public_person(prefix=""):
    # Published, and added nationally or in a public system: the people of a synthetic system
    # never are (but for a benchmark run), as its bodies and appointments are not. The system
    # is asked by its id among the public systems', so the rule adds no join.
    return _q(prefix, is_published=True) & (
        _q(prefix, system__isnull=True)
        | _q(prefix, system__in=System.objects.filter(public_system()).values("pk"))
    )


def public_post(prefix=""):
    return _q(prefix, is_published=True) & public_board(f"{prefix}board__")


def public_membership(prefix=""):
    return (
        _q(prefix, is_published=True)
        & public_person(f"{prefix}person__")
        & public_post(f"{prefix}post__")
    )


def public_terms(prefix=""):
    # Ratified and marked for publication: drafts and withdrawn versions are never public.
    return _q(prefix, status=TermsStatus.RATIFIED, is_published=True) & public_board(
        f"{prefix}board__"
    )


def public_clause(prefix=""):
    return public_terms(f"{prefix}terms__")


def public_principle(prefix=""):
    return public_board(f"{prefix}board__")


def public_meeting(prefix=""):
    return _q(prefix, is_published=True) & public_board(f"{prefix}board__")


def public_attendance(prefix=""):
    # Who attended a private meeting stays with its papers: off the public record.
    return (
        _q(prefix, meeting__is_public=True)
        & public_meeting(f"{prefix}meeting__")
        & public_person(f"{prefix}person__")
    )


def _not_exempt(prefix):
    # Not taken under an exempt agenda item (taken in private): or under no item at all.
    return _q(prefix, agenda_item__isnull=True) | _q(prefix, agenda_item__is_exempt=False)


def public_agenda_item(prefix=""):
    # The agenda of a meeting held in public; an exempt item shows its title and the reason
    # for excluding the public, as councils' agendas do, but never its papers or decisions.
    return _q(prefix, meeting__is_public=True) & public_meeting(f"{prefix}meeting__")


def public_meeting_cycle(prefix=""):
    return public_board(f"{prefix}board__")


def public_decision(prefix=""):
    # Recommendations are public with their meeting too (shown as such); the decision
    # register lists decisions only (Decision.objects.register()).
    return (
        _q(prefix, meeting__is_public=True)
        & public_meeting(f"{prefix}meeting__")
        & _not_exempt(prefix)
    )


def public_meeting_paper(prefix=""):
    # Marked public and published (no publication date, or one that has come), of a public
    # meeting that was held in public, and not of an exempt agenda item.
    published = _q(prefix, published_on__isnull=True) | _q(prefix, published_on__lte=today())
    return (
        _q(prefix, is_public=True, meeting__is_public=True)
        & published
        & _not_exempt(prefix)
        & public_meeting(f"{prefix}meeting__")
    )


def public_agreement(prefix=""):
    return public_system(f"{prefix}system__")


def _register_entry(prefix):
    return (
        _q(prefix, is_published=True)
        & public_person(f"{prefix}person__")
        & public_membership(f"{prefix}membership__")
    )


def public_interest(prefix=""):
    return _register_entry(prefix) & _q(prefix, is_withheld=False)


def withheld_interest(prefix=""):
    """Entries the published register shows only as withheld, with their reason."""
    return _register_entry(prefix) & _q(prefix, is_withheld=True)


def withheld_interests(queryset):
    """Of ``queryset``, the entries the published register counts as withheld."""
    return queryset.filter(withheld_interest())


def public_gift(prefix=""):
    return _register_entry(prefix)


def public_meeting_declaration(prefix=""):
    # Minuted at a meeting held in public, like its decisions.
    return (
        _q(prefix, is_published=True, meeting__is_public=True)
        & public_meeting(f"{prefix}meeting__")
        & public_person(f"{prefix}person__")
    )


def register():
    visibility.register(Organisation, public_organisation)
    visibility.register(OrganisationIdentifier, public_identifier)
    visibility.register(CouncilArea, public_council_area)
    visibility.register(Board, public_board, links=("parent", "cluster"))
    visibility.register(Person, public_person)
    visibility.register(Post, public_post, links=("nominating_organisation",))
    visibility.register(Membership, public_membership, links=("on_behalf_of", "deputy_for"))
    visibility.register(TermsOfReference, public_terms, links=("approval_meeting", "based_on"))
    visibility.register(TermsClause, public_clause)
    visibility.register(Principle, public_principle)
    visibility.register(Meeting, public_meeting, links=("host_organisation",))
    visibility.register(Attendance, public_attendance, links=("deputy", "membership"))
    visibility.register(AgendaItem, public_agenda_item)
    visibility.register(MeetingCycle, public_meeting_cycle)
    visibility.register(Decision, public_decision, links=("agenda_item",))
    visibility.register(MeetingPaper, public_meeting_paper, links=("agenda_item",))
    visibility.register(Agreement, public_agreement, links=("overseen_by",))
    visibility.register(Interest, public_interest, links=("organisation",))
    visibility.register(GiftOrHospitality, public_gift, links=("giver_organisation",))
    visibility.register(MeetingDeclaration, public_meeting_declaration, links=("interest",))
