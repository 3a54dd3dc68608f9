"""Seats: who takes up a place on a date, how many places are filled, vacant or not recorded,
and what a seat's size and dates may be.

"Vacant" is said only of a body whose membership the registry maintains on the date
(``Board.membership_maintained_from``): there an empty place is known to be empty. On a body
known only from papers, an empty place is "holder not recorded" — the papers name the seat, not
who holds it. Counts are of the appointments the viewer may see, so what an anonymous reader is
told about a seat never reveals an unpublished appointment."""

from django.core.exceptions import ValidationError
from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest

from icsgov.core.dates import format_date
from icsgov.core.periods import in_effect_q
from partnerships.choices import BoardKind, BoardOffice, MembershipKind, Role


def holding_q(date, prefix="") -> Q:
    """Appointments that take up a place on ``date``: appointed members in effect then.
    Substitutes and deputies take no place."""
    return Q(**{f"{prefix}kind": MembershipKind.MEMBER}) & in_effect_q(date, prefix=prefix)


def vacancies(places, filled, maintained=True) -> int | None:
    """Empty places known to be empty: None when the papers give no number of places, or when
    the body's membership is not maintained (then they are not recorded, not vacant)."""
    if places is None or not maintained:
        return None
    return max(places - filled, 0)


def not_recorded(places, filled, maintained) -> int | None:
    """Places whose holder is not recorded: on a body known only from papers, the places no
    recorded appointment fills. None where the membership is maintained or places unknown."""
    if places is None or maintained:
        return None
    return max(places - filled, 0)


def maintained_q(date, prefix="") -> Q:
    """Seats of bodies whose membership the registry maintains on ``date``."""
    return Q(**{f"{prefix}board__membership_maintained_from__lte": date})


def with_counts(posts, date, viewer=None):
    """``posts`` annotated, on ``date``, with ``filled`` (appointments the viewer may see that
    take up a place), ``maintained`` (the body's membership is maintained then), ``vacancies``
    (maintained: empty places) and ``not_recorded`` (not maintained: places with no holder
    recorded) — in one query however many seats (a subquery, so joins cannot multiply it)."""
    from icsgov.core.visibility import visible_q
    from partnerships.models import Membership

    filled = Coalesce(
        Subquery(
            Membership.objects.filter(holding_q(date), visible_q(Membership, viewer))
            .filter(post=OuterRef("pk"))
            .order_by()
            .values("post")
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )
    empty = Greatest(F("places") - filled, Value(0))
    maintained = maintained_q(date)
    return posts.annotate(
        filled=filled,
        maintained=Case(When(maintained, then=Value(True)), default=Value(False)),
        vacancies=Case(
            When(Q(places__isnull=False) & maintained, then=empty),
            default=Value(None),
            output_field=IntegerField(null=True),
        ),
        not_recorded=Case(
            When(Q(places__isnull=False) & ~maintained, then=empty),
            default=Value(None),
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
    if board is not None and post.office:
        if board.kind != BoardKind.ICB_BOARD:
            errors["office"] = (
                f"An ICB board office is recorded only on a seat of an ICB board; {board} is "
                f"a {board.get_kind_display().lower()}."
            )
        elif post.office == BoardOffice.CHAIR and post.role != Role.CHAIR:
            errors["office"] = "The chair's office is the seat whose role is chair."
        elif post.office != BoardOffice.CHAIR and post.role in Role.chairing():
            errors["role"] = (
                f"The seat fills the office '{post.get_office_display()}', not the chair's: "
                "choose a member's role, or the office 'Chair'."
            )
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
