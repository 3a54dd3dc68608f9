"""Operations on appointments and terms of reference, for the admin's actions, the API and
commands: each is an edit that passes the same rules (``full_clean()``, partnerships.rules) as
any other, never a delete."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerships.rules.appointments import describe


@transaction.atomic
def end_membership(membership, end_date: datetime.date):
    """End an appointment on ``end_date`` (inclusive). An edit, never a delete."""
    membership.end_date = end_date
    membership.full_clean()
    membership.save()
    return membership


@transaction.atomic
def reappoint(membership, end_date: datetime.date | None = None):
    """A new term for the same person in the same seat, starting the day after the old one ends."""
    from partnerships.models import Membership

    if membership.end_date is None:
        raise ValidationError(
            f"{describe(membership)} has no end date: end the current term before re-appointing."
        )
    new = Membership(
        person=membership.person,
        post=membership.post,
        on_behalf_of=membership.on_behalf_of,
        kind=membership.kind,
        voting=membership.voting,
        start_date=membership.end_date + datetime.timedelta(days=1),
        end_date=end_date,
    )
    new.full_clean()
    new.save()
    return new


@transaction.atomic
def copy_terms_as_draft(terms):
    """A new draft version of a body's terms of reference, with the clauses of ``terms``, to
    edit and later ratify. The original is left as it is."""
    from partnerships.choices import TermsStatus
    from partnerships.models import TermsClause, TermsOfReference

    taken = set(
        TermsOfReference.objects.filter(board=terms.board).values_list("version", flat=True)
    )
    version, n = f"{terms.version} draft", 2
    while version in taken:
        version, n = f"{terms.version} draft {n}", n + 1
    draft = TermsOfReference(
        board=terms.board,
        version=version,
        title=terms.title,
        status=TermsStatus.DRAFT,
        membership_count=terms.membership_count,
        voting_membership_count=terms.voting_membership_count,
        quorum=terms.quorum,
        quorum_number=terms.quorum_number,
        based_on=terms,
    )
    draft.full_clean()
    draft.save()
    TermsClause.objects.bulk_create(
        TermsClause(
            terms=draft,
            order=clause.order,
            topic=clause.topic,
            heading=clause.heading,
            text=clause.text,
            source=clause.source,
            source_section=clause.source_section,
        )
        for clause in terms.clauses.all()
    )
    return draft
