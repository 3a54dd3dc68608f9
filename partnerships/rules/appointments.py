"""Appointments: the same person not twice in a seat at once, no more holders than the seat has
places on any date, one chair at a time (partnerships.rules.chairs), within the seat's dates,
and a deputy stands in for an appointment on the same body.

``check_appointment`` is called by ``Membership.clean()`` — every door — and again by
``Membership.save()`` under a lock on the seat and its body (``lock_seat``), so two people saving
at once cannot both take a last place. Appointments saved together (the rows of a seat's page)
are checked against each other with their submitted dates: ``check_together``.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from icsgov.core.dates import format_date
from icsgov.core.periods import overlaps
from partnerships.choices import MembershipKind
from partnerships.rules import chairs


def describe(membership) -> str:
    end = f" to {format_date(membership.end_date)}" if membership.end_date else ""
    return f"{membership.person} (from {format_date(membership.start_date)}{end})"


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


def _complete(membership) -> bool:
    return bool(membership.post_id and membership.start_date) and not (
        membership.end_date and membership.end_date < membership.start_date
    )


def check_appointment(membership, pending=(), replaced=None):
    """Raise ``ValidationError`` naming the seat, the date and the conflicting appointment when
    ``membership`` would break a rule. Does nothing for incomplete input (forms report that).

    For appointments saved in one submission: ``replaced`` are ids of stored appointments whose
    stored dates do not count (they are being changed too, and are checked with their submitted
    dates; by default the appointment's own ``checked_together``), and ``pending`` are the
    submitted appointments that count against this one."""
    from partnerships.models import Membership

    if not _complete(membership):
        return
    post = membership.post
    start, end = membership.start_date, membership.end_date
    if replaced is None:
        replaced = getattr(membership, "checked_together", ())
    replaced = [*replaced, *(m.pk for m in pending if m.pk and m is not membership)]
    overlapping = [
        m
        for m in pending
        if m is not membership and _complete(m) and overlaps(m.start_date, m.end_date, start, end)
    ]
    errors = {}

    if membership.person_id:
        same = (
            Membership.objects.filter(post=post, person_id=membership.person_id)
            .exclude(pk__in=[*replaced, membership.pk])
            .overlapping(start, end)
            .select_related("person")
            .first()
        ) or next(
            (
                m
                for m in overlapping
                if m.post_id == post.pk and m.person_id == membership.person_id
            ),
            None,
        )
        if same:
            errors.setdefault("person", []).append(
                f"{membership.person} already holds the seat '{post.label}' over part of this "
                f"period: {describe(same)}."
            )

    if membership.kind == MembershipKind.MEMBER:
        others = list(
            Membership.objects.filter(post=post)
            .counting()
            .exclude(pk__in=[*replaced, membership.pk])
            .overlapping(start, end)
            .select_related("person")
        ) + [m for m in overlapping if m.post_id == post.pk and m.kind == MembershipKind.MEMBER]
        date, holders = _peak(others, start, end)
        if post.places is not None and len(holders) + 1 > post.places:
            places = "1 place" if post.places == 1 else f"{post.places} places"
            names = "; ".join(describe(m) for m in holders)
            errors.setdefault("post", []).append(
                f"The seat '{post.label}' on {post.board} has {places} and on "
                f"{format_date(date)} it is already filled by {names}."
            )
        chair = chairs.chair_conflict(membership, replaced, overlapping)
        if chair:
            errors.setdefault("post", []).append(chairs.chair_message(membership, chair))

    if post.start_date and start < post.start_date:
        errors.setdefault("start_date", []).append(
            f"The seat '{post.label}' exists from {format_date(post.start_date)}; an "
            "appointment to it cannot start earlier."
        )
    if post.end_date and (end is None or end > post.end_date):
        errors.setdefault("end_date", []).append(
            f"The seat '{post.label}' ends on {format_date(post.end_date)}; end the "
            "appointment by then."
        )

    if membership.deputy_for_id:
        if membership.kind == MembershipKind.MEMBER:
            errors.setdefault("kind", []).append(
                "Only a substitute or deputy can stand in for another appointment; set the kind."
            )
        elif membership.deputy_for.post.board_id != post.board_id:
            errors.setdefault("deputy_for", []).append(
                "A substitute or deputy stands in for an appointment on the same body."
            )
    if errors:
        raise ValidationError(errors)


def check_together(memberships) -> list:
    """A ``ValidationError`` (or None) for each of ``memberships`` (saved in one submission),
    in order: each checked against the stored appointments — leaving out the stored versions of
    those being changed — and against the rows before it that passed. So a clash between two
    rows is reported once, on the later row."""
    replaced = {m.pk for m in memberships if m.pk}
    errors, accepted = [], []
    for membership in memberships:
        try:
            check_appointment(membership, pending=accepted, replaced=replaced)
        except ValidationError as error:
            errors.append(error)
        else:
            errors.append(None)
            accepted.append(membership)
    return errors


def lock_seat(post_id):
    """Lock the seat and its body until the transaction ends: the capacity rule counts the
    seat's appointments, and the chair rule counts across the body's chair seats."""
    from partnerships.models import Board, Post

    board_ids = list(
        Post.objects.select_for_update(of=("self",))
        .filter(pk=post_id)
        .values_list("board_id", flat=True)
    )
    list(
        Board.objects.select_for_update(of=("self",))
        .filter(pk__in=board_ids)
        .values_list("pk", flat=True)
    )


@transaction.atomic
def save_together(memberships, save):
    """Save appointments of one submission: lock their seats, check them together again under
    the lock (another user may have saved meanwhile), then ``save`` each (each skips its own
    check, which would hold the others' stored dates against it)."""
    for post_id in sorted({m.post_id for m in memberships if m.post_id}):
        lock_seat(post_id)
    errors = [error for error in check_together(memberships) if error is not None]
    if errors:
        raise ValidationError([message for error in errors for message in error.messages])
    for membership in memberships:
        membership.saving_together = True
    return save()
