"""The membership rules, in one place, for every write path (admin, API, import, commands).

The database refuses what must never be stored (an end before a start, the same person in the
same seat twice at once). The rules here need counting, so they live in Python and are called
from ``Membership.clean()`` and, under a lock on the seat, from ``Membership.save()``.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerships.choices import MembershipKind, Role


def _fmt(date):
    return f"{date.day} {date:%B %Y}"


def _describe(membership):
    end = f" to {_fmt(membership.end_date)}" if membership.end_date else ""
    return f"{membership.person} (from {_fmt(membership.start_date)}{end})"


def _peak(others, start, end):
    """The first date in [start, end] on which the most of ``others`` are in effect, with them."""
    candidates = [start] + [m.start_date for m in others if m.start_date and m.start_date > start]
    candidates = [d for d in candidates if end is None or d <= end]
    best_date, best = start, []
    for date in sorted(candidates):
        in_effect = [m for m in others if m.is_in_effect_on(date)]
        if len(in_effect) > len(best):
            best_date, best = date, in_effect
    return best_date, best


def _overlaps(other, start, end):
    return (other.end_date is None or other.end_date >= start) and (
        end is None or other.start_date is None or other.start_date <= end
    )


def check_membership_rules(membership, pending=()):
    """Raise ``ValidationError`` naming the seat, the date and the conflicting appointment when
    ``membership`` would break a rule. Does nothing for incomplete input (forms report that).

    ``pending`` are other appointments about to be saved with it (e.g. the rows of an inline
    form): they count as stored, in place of their stored versions."""
    from partnerships.models import Membership

    if not (membership.post_id and membership.start_date):
        return
    if membership.end_date and membership.end_date < membership.start_date:
        return  # reported by ValidityPeriod.clean() on the end date
    post = membership.post
    start, end = membership.start_date, membership.end_date
    pending = [
        m
        for m in pending
        if m is not membership and m.start_date and _overlaps(m, start, end)
        and not (m.end_date and m.end_date < m.start_date)
    ]  # fmt: skip
    replaced = [m.pk for m in pending if m.pk] + [membership.pk]
    errors = {}

    if membership.person_id:
        same = (
            Membership.objects.filter(post=post, person_id=membership.person_id)
            .exclude(pk__in=replaced)
            .overlapping(start, end)
            .select_related("person")
            .first()
        ) or next(
            (m for m in pending if m.post_id == post.pk and m.person_id == membership.person_id),
            None,
        )
        if same:
            errors.setdefault("person", []).append(
                f"{membership.person} already holds the seat '{post.label}' over part of this "
                f"period: {_describe(same)}."
            )

    if membership.kind == MembershipKind.MEMBER:
        others = list(
            Membership.objects.filter(post=post)
            .counting()
            .exclude(pk__in=replaced)
            .overlapping(start, end)
            .select_related("person")
        ) + [m for m in pending if m.post_id == post.pk and m.kind == MembershipKind.MEMBER]
        date, holders = _peak(others, start, end)
        if post.places is not None and len(holders) + 1 > post.places:
            places = "1 place" if post.places == 1 else f"{post.places} places"
            names = "; ".join(_describe(m) for m in holders)
            errors.setdefault("post", []).append(
                f"The seat '{post.label}' on {post.board} has {places} and on {_fmt(date)} it is "
                f"already filled by {names}."
            )

        board = post.board
        if post.role in Role.chairing() and not board.allows_several_chairs:
            chair = (
                Membership.objects.filter(post__board=board, post__role__in=Role.chairing())
                .counting()
                .exclude(pk=membership.pk)
                .overlapping(start, end)
                .select_related("person", "post")
                .first()
            )
            if chair:
                errors.setdefault("post", []).append(
                    f"{board} has one chair at a time ({board.get_chair_model_display()}), and "
                    f"{_describe(chair)} already chairs it in the seat '{chair.post.label}'. "
                    "Change the chair model to co-chairs or a rotating chair to allow more."
                )

    if post.start_date and start < post.start_date:
        errors.setdefault("start_date", []).append(
            f"The seat '{post.label}' exists from {_fmt(post.start_date)}; an appointment to it "
            "cannot start earlier."
        )
    if post.end_date and (end is None or end > post.end_date):
        errors.setdefault("end_date", []).append(
            f"The seat '{post.label}' ends on {_fmt(post.end_date)}; end the appointment by then."
        )

    if membership.deputy_for_id and membership.kind == MembershipKind.MEMBER:
        errors.setdefault("kind", []).append(
            "Only a substitute or deputy can stand in for another appointment; set the kind."
        )
    if errors:
        raise ValidationError(errors)


def _busiest_day(memberships):
    """The first date on which the most of ``memberships`` are in effect at once, with them."""
    best_date, best = None, []
    for date in sorted({m.start_date for m in memberships}):
        in_effect = [m for m in memberships if m.is_in_effect_on(date)]
        if len(in_effect) > len(best):
            best_date, best = date, in_effect
    return best_date, best


def check_seat_capacity(post):
    """When a seat's size changes: no date on which more people already hold it than it would
    now have places. Raises ``ValidationError`` on ``places``."""
    if post.pk is None or post.places is None:
        return
    holders = list(post.memberships.counting().select_related("person"))
    date, busiest = _busiest_day(holders)
    if len(busiest) > post.places:
        names = "; ".join(_describe(m) for m in busiest)
        raise ValidationError(
            {
                "places": f"On {_fmt(date)} {len(busiest)} people hold the seat '{post.label}' "
                f"({names}); it cannot have fewer places than that."
            }
        )


def check_board_chairs(board):
    """When a body's chair model changes to a single chair: no date on which it already has
    more than one chair. Raises ``ValidationError`` on ``chair_model``."""
    from partnerships.models import Membership

    if board.pk is None or board.allows_several_chairs:
        return
    chairs = list(
        Membership.objects.filter(post__board=board, post__role__in=Role.chairing())
        .counting()
        .select_related("person")
    )
    date, busiest = _busiest_day(chairs)
    if len(busiest) > 1:
        names = "; ".join(_describe(m) for m in busiest)
        raise ValidationError(
            {
                "chair_model": f"On {_fmt(date)} {board} has {len(busiest)} chairs ({names}); "
                "a single-chair model needs one. End an appointment first."
            }
        )


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
            f"{_describe(membership)} has no end date: end the current term before re-appointing."
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
            source_file=clause.source_file,
            source_section=clause.source_section,
        )
        for clause in terms.clauses.all()
    )
    return draft
