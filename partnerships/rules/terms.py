"""Terms of reference: one ratified version of a body's terms in force on any date, a ratified
version has its date in force, no more voting members than members, and its approval meeting
and the version it was drafted from are the same body's."""

from django.core.exceptions import ValidationError

from icsgov.core.dates import format_date
from icsgov.core.periods import overlapping_q, overlaps
from partnerships.choices import TermsStatus


def clash_message(version, start, end) -> str:
    until = f" to {format_date(end)}" if end else ""
    return (
        f"Version {version} is in force from {format_date(start)}{until}: only one version can be "
        "in force at a time. End it before this version comes into force."
    )


def check_terms(terms):
    """Raise ``ValidationError`` by field for a version that breaks a rule. Versions whose ids
    are in ``terms.checked_together`` are being changed in the same submission; their submitted
    dates are checked with :func:`clashes_among` instead of their stored ones."""
    from partnerships.models import TermsOfReference

    errors = {}
    ratified = terms.status == TermsStatus.RATIFIED
    if ratified and not terms.in_force_from:
        errors["in_force_from"] = "Give the date a ratified version comes into force."
    if (
        terms.voting_membership_count is not None
        and terms.membership_count is not None
        and terms.voting_membership_count > terms.membership_count
    ):
        errors["voting_membership_count"] = "There cannot be more voting members than members."
    for link in ("approval_meeting", "based_on"):
        target = getattr(terms, link)
        board_id = target.board_id if target is not None else None
        if target is not None and terms.board_id and board_id != terms.board_id:
            errors[link] = f"{target} is not of {terms.board}."
    if ratified and terms.in_force_from and terms.board_id and "in_force_from" not in errors:
        clash = (
            TermsOfReference.objects.filter(board_id=terms.board_id)
            .ratified()
            .exclude(pk=terms.pk)
            .exclude(pk__in=terms.checked_together)
            .filter(
                overlapping_q(
                    terms.in_force_from, terms.in_force_to, "in_force_from", "in_force_to"
                )
            )
            .first()
        )
        if clash:
            errors["in_force_from"] = clash_message(
                clash.version, clash.in_force_from, clash.in_force_to
            )
    if errors:
        raise ValidationError(errors)


PERCENT_RANGE = "A share is a whole number of per cent from 1 to 100."


def check_quorum_rule(terms):
    """The structured quorum rule holds together: shares are per cent, the number is no more
    than the members the version states, and a substitute counts or votes only where
    substitutes are allowed."""
    errors = {}
    for field in ("quorum_percent", "attendance_expectation_percent"):
        value = getattr(terms, field)
        if value is not None and not 1 <= value <= 100:
            errors[field] = PERCENT_RANGE
    stated = terms.voting_membership_count if terms.quorum_voting_only else terms.membership_count
    if terms.quorum_number and stated is not None and terms.quorum_number > stated:
        errors["quorum_number"] = (
            f"A quorum of {terms.quorum_number} is more than the "
            f"{'voting ' if terms.quorum_voting_only else ''}members this version states "
            f"({stated})."
        )
    if terms.substitutes_allowed is False:
        for field in ("substitutes_count_for_quorum", "substitutes_vote"):
            if getattr(terms, field):
                errors[field] = (
                    "This version does not allow substitutes: they can neither count nor vote."
                )
    if errors:
        raise ValidationError(errors)


def clashes_among(rows):
    """For versions submitted together, as (key, version, status, in force from, to) rows: the
    (key, message) of each ratified row in force at the same time as an earlier one."""
    found, ratified = [], []
    for key, version, status, start, end in rows:
        if status != TermsStatus.RATIFIED or start is None:
            continue
        other = next((r for r in ratified if overlaps(r[1], r[2], start, end)), None)
        if other:
            found.append((key, clash_message(other[0], other[1], other[2])))
        else:
            ratified.append((version, start, end))
    return found
