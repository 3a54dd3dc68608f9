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


def check_membership_rules(membership):
    """Raise ``ValidationError`` naming the seat, the date and the conflicting appointment when
    ``membership`` would break a rule. Does nothing for incomplete input (forms report that)."""
    from partnerships.models import Membership

    if not (membership.post_id and membership.start_date):
        return
    if membership.end_date and membership.end_date < membership.start_date:
        return  # reported by ValidityPeriod.clean() on the end date
    post = membership.post
    start, end = membership.start_date, membership.end_date
    errors = []

    if membership.person_id:
        same = (
            Membership.objects.filter(post=post, person_id=membership.person_id)
            .exclude(pk=membership.pk)
            .overlapping(start, end)
            .select_related("person")
            .first()
        )
        if same:
            errors.append(
                f"{membership.person} already holds the seat '{post.label}' over part of this "
                f"period: {_describe(same)}."
            )

    if membership.kind == MembershipKind.MEMBER:
        others = list(
            Membership.objects.filter(post=post)
            .counting()
            .exclude(pk=membership.pk)
            .overlapping(start, end)
            .select_related("person")
        )
        date, holders = _peak(others, start, end)
        if post.places is not None and len(holders) + 1 > post.places:
            places = "1 place" if post.places == 1 else f"{post.places} places"
            names = "; ".join(_describe(m) for m in holders)
            errors.append(
                f"The seat '{post.label}' on {post.board} has {places} and on {_fmt(date)} it is "
                f"already filled by {names}."
            )

        board = post.board
        if post.role in Role.chairing() and not board.allows_several_chairs:
            chair = (
                Membership.objects.filter(post__board=board, post__role__in=Role.chairing())
                .counting()
                .exclude(pk=membership.pk)
                .exclude(post=post)
                .overlapping(start, end)
                .select_related("person", "post")
                .first()
            )
            if chair:
                errors.append(
                    f"{board} has one chair at a time ({board.get_chair_model_display()}), and "
                    f"{_describe(chair)} already chairs it in the seat '{chair.post.label}'. "
                    "Change the chair model to co-chairs or a rotating chair to allow more."
                )

    if membership.deputy_for_id and membership.kind == MembershipKind.MEMBER:
        errors.append(
            "Only a substitute or deputy can stand in for another appointment; set the kind."
        )
    if errors:
        raise ValidationError(errors)


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
