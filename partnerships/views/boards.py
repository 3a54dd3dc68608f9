"""A body's page (as at any date) and its meetings' calendar feed."""

from django.shortcuts import get_object_or_404, render

from icsgov.core import glossary
from icsgov.core.dates import as_at_from, today
from icsgov.core.visibility import shown
from partnerships.choices import MeetingStatus
from partnerships.models import Board, Meeting, MeetingCycle, Membership, TermsOfReference
from partnerships.registers import register_of_board
from partnerships.selectors import attendance_records, attendance_years, board_on, chosen_year
from partnerships.views.crumbs import HOME, system_crumb
from partnerships.views.meetings import calendar_response


def _changes(in_force, versions, compare_slug):
    """What changed to the version in force: from the version asked for in ``?compare=``
    (public versions only), or else from the one before it."""
    if in_force is None:
        return None
    earlier = [v for v in versions if v.in_force_from < in_force.in_force_from]
    other = next((v for v in earlier if v.slug == compare_slug), None)
    if other is None:
        return in_force.changes_from_previous()
    return in_force.changes_since(other)


def _cycles(board, on):
    """The body's regular cycles of meetings (with their sources), and the meetings they plan
    that are not yet scheduled (two queries)."""
    not_cancelled = list(
        Meeting.objects.filter(board=board).exclude(status=MeetingStatus.CANCELLED).only("date")
    )
    cycles = list(MeetingCycle.objects.public().filter(board=board).select_related("source"))
    return cycles, [planned for cycle in cycles for planned in cycle.planned(not_cancelled, on)]


def board_detail(request, slug):
    board = get_object_or_404(
        Board.objects.public().select_related(
            "system", "place", "parent", "cluster", "footprint", "source"
        ),
        slug=slug,
    )
    on, date_error = as_at_from(request.GET)
    # The public record (anonymous), whoever is signed in: what the board API answers too.
    described = board_on(board, on)
    versions = list(TermsOfReference.objects.filter(board=board).public().history())
    in_force = next((v for v in versions if v.is_in_force_on(on)), None)
    meetings = Meeting.objects.public().filter(board=board).order_by("date", "title")
    years = attendance_years([board])
    cycles, planned = _cycles(board, on)
    year = chosen_year(years, request.GET.get("attendance_year"))
    context = {
        "board": board,
        "on": on,
        "is_today": on == today(),
        "as_at_value": request.GET.get("as_at", "") if date_error else on.isoformat(),
        "date_error": date_error,
        "board_status": board.status_text(on),
        "after_system_ended": board.after_system_ended(on),
        "not_existing": board.existence_on(on),
        "glossary_terms": glossary.links(),
        "values": request.GET,
        "maintained": board.membership_maintained_on(on),
        "members": described.members,
        "chairs": described.chairs,
        "seats": described.seats,
        "in_force": in_force,
        "versions": versions,
        "changes": _changes(in_force, versions, request.GET.get("compare")),
        "principles": board.principles.order_by("number"),
        "register": register_of_board(board),
        "attendance": attendance_records(
            Membership.objects.public()
            .filter(post__board=board)
            .order_by("post__order", "post__label", "person__sort_name", "start_date"),
            year,
        )
        if year
        else [],
        "attendance_year": year,
        "attendance_years": years,
        "upcoming": meetings.upcoming(on),
        "cycles": cycles,
        "planned": planned,
        "past": meetings.past(on).order_by("-date"),
        "parent": shown(board, "parent"),
        "children": board.children.public().select_related("source").order_by("name"),
        "predecessors": board.predecessors.public().select_related("source").order_by("name"),
        "successors": board.successors.public().select_related("source").order_by("name"),
        "breadcrumbs": [HOME, system_crumb(board.system)],
    }
    return render(request, "partnerships/board.html", context, status=400 if date_error else 200)


def board_calendar(request, slug):
    board = get_object_or_404(Board.objects.public(), slug=slug)
    meetings = Meeting.objects.public().filter(board=board).select_related("board")
    return calendar_response(request, meetings.order_by("date"), board.name, board.slug)
