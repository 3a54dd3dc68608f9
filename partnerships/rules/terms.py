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
