"""Seats: who takes up a place on a date, how many places are filled and vacant, and what a
seat's size and dates may be."""

from django.core.exceptions import ValidationError
from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest

from icsgov.core.dates import format_date
from icsgov.core.periods import in_effect_q
from partnerships.choices import MembershipKind


def holding_q(date, prefix="") -> Q:
    """Appointments that take up a place on ``date``: appointed members in effect then.
    Substitutes and deputies take no place."""
    return Q(**{f"{prefix}kind": MembershipKind.MEMBER}) & in_effect_q(date, prefix=prefix)


def vacancies(places, filled) -> int | None:
    """Empty places; None when the papers give no number of places (no limit is known)."""
    return None if places is None else max(places - filled, 0)


def with_counts(posts, date):
    """``posts`` annotated with ``filled`` and ``vacancies`` on ``date``, in one query however
    many seats there are (a subquery, so other joins cannot multiply the count)."""
    from partnerships.models import Membership

    filled = Coalesce(
        Subquery(
            Membership.objects.filter(holding_q(date), post=OuterRef("pk"))
            .order_by()
            .values("post")
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )
    return posts.annotate(
        filled=filled,
        vacancies=Case(
            When(places__isnull=True, then=Value(None)),
            default=Greatest(F("places") - filled, Value(0)),
            output_field=IntegerField(null=True),
        ),
    )


def busiest_day(memberships):
    """The first date on which the most of ``memberships`` are in effect at once, with them."""
    best_date, best = None, []
    for date in sorted({m.start_date for m in memberships if m.start_date}):
        in_effect = [m for m in memberships if m.is_in_effect_on(date)]
        if len(in_effect) > len(best):
            best_date, best = date, in_effect
    return best_date, best


def check_seat(post):
    """A seat's size and dates: no fewer places than people already hold it on some date; within
    its body's dates; its appointments within its own dates. Raises ``ValidationError``."""
    from partnerships.rules.appointments import describe

    errors = {}
    board = post.board if post.board_id else None
    if board is not None:
        if board.start_date and post.start_date and post.start_date < board.start_date:
            errors["start_date"] = (
                f"{board} exists from {format_date(board.start_date, board.start_precision)}; "
                "a seat on it cannot start earlier."
            )
        if board.end_date and post.end_date and post.end_date > board.end_date:
            errors["end_date"] = (
                f"{board} ended on {format_date(board.end_date, board.end_precision)}; a seat "
                "on it cannot end later."
            )
    if post.pk is not None:
        holders = list(post.memberships.counting().select_related("person"))
        if post.places is not None:
            date, busiest = busiest_day(holders)
            if len(busiest) > post.places:
                names = "; ".join(describe(m) for m in busiest)
                errors["places"] = (
                    f"On {format_date(date)} {len(busiest)} people hold the seat '{post.label}' "
                    f"({names}); it cannot have fewer places than that."
                )
        appointments = list(post.memberships.select_related("person"))
        early = [m for m in appointments if post.start_date and m.start_date < post.start_date]
        late = [
            m
            for m in appointments
            if post.end_date and (m.end_date is None or m.end_date > post.end_date)
        ]
        if early and "start_date" not in errors:
            errors["start_date"] = (
                f"{describe(early[0])} holds the seat from before this date; end or move that "
                "appointment first."
            )
        if late and "end_date" not in errors:
            errors["end_date"] = (
                f"{describe(late[0])} holds the seat after this date; end that appointment by "
                "then first."
            )
    if errors:
        raise ValidationError(errors)
