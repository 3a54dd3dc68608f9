"""Who chairs a body, and one chair at a time unless its chair model allows co-chairs or
rotation. Only appointed members chair; a deputy standing in is not named as chair."""

from django.core.exceptions import ValidationError

from icsgov.core.periods import overlaps
from partnerships.choices import MembershipKind, Role


def is_chair(membership) -> bool:
    return is_chair_from(membership.kind, membership.post.role)


def is_chair_from(kind, seat_role) -> bool:
    """``is_chair`` from an appointment's kind and its seat's role (for rows read as tuples)."""
    return kind == MembershipKind.MEMBER and seat_role in Role.chairing()


def chairs_among(memberships) -> list:
    """The chairs among ``memberships`` (e.g. a body's members on a date)."""
    return [m for m in memberships if is_chair(m)]


def chair_conflict(membership, replaced=(), pending=()):
    """The appointment that already chairs ``membership``'s body over part of its period, when
    the body has one chair at a time; else None. ``replaced`` are ids of stored appointments
    being changed in the same submission (their stored dates do not count); ``pending`` those
    appointments as submitted."""
    from partnerships.models import Membership

    board = membership.post.board
    if not is_chair(membership) or board.allows_several_chairs:
        return None
    stored = (
        Membership.objects.filter(post__board=board, post__role__in=Role.chairing())
        .counting()
        .exclude(pk__in=[*replaced, membership.pk])
        .overlapping(membership.start_date, membership.end_date)
        .select_related("person", "post")
        .first()
    )
    if stored:
        return stored
    return next(
        (
            m
            for m in pending
            if m is not membership
            and m.post.board_id == board.pk
            and is_chair(m)
            and overlaps(m.start_date, m.end_date, membership.start_date, membership.end_date)
        ),
        None,
    )


def chair_message(membership, chair) -> str:
    from partnerships.rules.appointments import describe

    board = membership.post.board
    return (
        f"{board} has one chair at a time ({board.get_chair_model_display()}), and "
        f"{describe(chair)} already chairs it in the seat '{chair.post.label}'. "
        "Change the chair model to co-chairs or a rotating chair to allow more."
    )


def check_chair_model(board):
    """When a body's chair model changes to a single chair: no date on which it already has
    more than one chair. Raises ``ValidationError`` on ``chair_model``."""
    from icsgov.core.dates import format_date
    from partnerships.models import Membership
    from partnerships.rules.appointments import describe
    from partnerships.rules.seats import busiest_day

    if board.pk is None or board.allows_several_chairs:
        return
    chairs = list(
        Membership.objects.filter(post__board=board, post__role__in=Role.chairing())
        .counting()
        .select_related("person")
    )
    date, busiest = busiest_day(chairs)
    if len(busiest) > 1:
        names = "; ".join(describe(m) for m in busiest)
        raise ValidationError(
            {
                "chair_model": f"On {format_date(date)} {board} has {len(busiest)} chairs "
                f"({names}); a single-chair model needs one. End an appointment first."
            }
        )
