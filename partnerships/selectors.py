"""Read models shared by the pages and the API: one answer to a composite question, so the board
page and the board API describe a body as at a date the same way."""

import datetime
from dataclasses import dataclass

from icsgov.core.visibility import visible
from partnerships.models import Board, Membership, Post, TermsOfReference
from partnerships.rules.chairs import chairs_among


@dataclass
class BoardOnDate:
    """A body as at a date, as ``viewer`` may see it."""

    board: Board
    date: datetime.date
    members: list  # appointments in effect, seat by seat
    chairs: list  # the members who chair (partnerships.rules.chairs)
    seats: list  # seats in effect, with ``filled`` and ``vacancies`` (partnerships.rules.seats)
    terms: TermsOfReference | None  # the version in force


def board_on(board, date, viewer=None) -> BoardOnDate:
    """Who sits on ``board`` on ``date``, its seats with places filled and vacant, its chairs and
    its terms of reference in force — what ``viewer`` may see (anonymous when None)."""
    members = list(visible(Membership.objects.all(), viewer).on_board(board, date))
    seats = list(
        visible(Post.objects.filter(board=board), viewer)
        .as_at(date)
        .with_counts(date, viewer)
        .select_related("nominating_organisation")
        .order_by("order", "label")
    )
    terms = (
        visible(TermsOfReference.objects.filter(board=board), viewer)
        .in_force_on(date)
        .select_related("board", "approval_meeting")
        .prefetch_related("clauses")
        .first()
    )
    return BoardOnDate(board, date, members, chairs_among(members), seats, terms)
