"""Public pages for bodies, people and meetings, and the meetings' calendar feeds."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from icsgov.models import today
from partnerships.calendar import meetings_calendar
from partnerships.choices import MembershipKind
from partnerships.dates import parse_as_at
from partnerships.models import (
    Attendance,
    Board,
    Decision,
    Meeting,
    MeetingPaper,
    Membership,
    Person,
    TermsOfReference,
)
from places.models import System

HOME = {"href": "/", "text": "Home"}


def _system_crumb(system):
    return {"href": reverse("places:system", args=[system.slug]), "text": system.name}


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


def board_detail(request, slug):
    board = get_object_or_404(
        Board.objects.public().select_related("system", "place", "parent", "cluster", "footprint"),
        slug=slug,
    )
    on, date_error = parse_as_at(request.GET.get("as_at"))
    members = list(Membership.objects.public().on_board(board, on))
    versions = list(TermsOfReference.objects.filter(board=board).public().history())
    in_force = next((v for v in versions if v.is_in_force_on(on)), None)
    meetings = Meeting.objects.public().filter(board=board).order_by("date", "title")
    context = {
        "board": board,
        "on": on,
        "is_today": on == today(),
        "as_at_value": request.GET.get("as_at", "") if date_error else on.isoformat(),
        "date_error": date_error,
        "members": members,
        "chairs": [m for m in members if m.post.is_chairing and m.kind == MembershipKind.MEMBER],
        "seats": board.posts.public().as_at(on).with_filled_on(on).order_by("order", "label"),
        "in_force": in_force,
        "versions": versions,
        "changes": _changes(in_force, versions, request.GET.get("compare")),
        "principles": board.principles.order_by("number"),
        "upcoming": meetings.upcoming(on),
        "past": meetings.past(on).order_by("-date"),
        "parent": board.parent_id and Board.objects.public().filter(pk=board.parent_id).first(),
        "children": board.children.public().order_by("name"),
        "predecessors": board.predecessors.public().order_by("name"),
        "successors": board.successors.public().order_by("name"),
        "breadcrumbs": [HOME, _system_crumb(board.system)],
    }
    return render(request, "partnerships/board.html", context, status=400 if date_error else 200)


def person_detail(request, slug):
    person = get_object_or_404(Person.objects.public(), slug=slug)
    on = today()
    memberships = list(Membership.objects.public().of_person(person))
    return render(
        request,
        "partnerships/person.html",
        {
            "person": person,
            "current": [m for m in memberships if m.state_on(on) == "current"],
            "past": [m for m in memberships if m.state_on(on) == "ended"],
            "future": [m for m in memberships if m.state_on(on) == "future"],
            "breadcrumbs": [HOME],
        },
    )


def meeting_list(request):
    """All meetings, or one system's (``?system=<slug>``), upcoming first then past."""
    on = today()
    meetings = Meeting.objects.public().select_related("board__system").order_by("date", "title")
    system = None
    if request.GET.get("system"):
        system = get_object_or_404(System.objects.real(), slug=request.GET["system"])
        meetings = meetings.filter(board__system=system)
    past = Paginator(meetings.past(on).order_by("-date", "title"), 25).get_page(
        request.GET.get("page")
    )
    query = f"system={system.slug}&" if system else ""
    return render(
        request,
        "partnerships/meeting_list.html",
        {
            "system": system,
            "systems": System.objects.real().order_by("name"),
            "upcoming": meetings.upcoming(on),
            "past": past,
            "page_query": query,
            "breadcrumbs": [HOME, _system_crumb(system)] if system else [HOME],
        },
    )


def meeting_detail(request, slug):
    meeting = get_object_or_404(
        Meeting.objects.public().select_related("board__system", "host_organisation"), slug=slug
    )
    return render(
        request,
        "partnerships/meeting.html",
        {
            "meeting": meeting,
            "papers": MeetingPaper.objects.public().filter(meeting=meeting).order_by("title"),
            # Attendance and decisions of a private meeting stay off the public record.
            "attendance": Attendance.objects.public()
            .filter(meeting=meeting)
            .select_related("person", "deputy", "membership__post")
            .order_by("person__sort_name", "person__name"),
            "decisions": Decision.objects.public().filter(meeting=meeting).order_by("order"),
            "breadcrumbs": [
                HOME,
                _system_crumb(meeting.board.system),
                {
                    "href": reverse("partnerships:board", args=[meeting.board.slug]),
                    "text": meeting.board.name,
                },
            ],
        },
    )


def _calendar_response(request, meetings, name, filename):
    def absolute_url(meeting):
        return request.build_absolute_uri(reverse("partnerships:meeting", args=[meeting.slug]))

    body = meetings_calendar(meetings, name, absolute_url)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def board_calendar(request, slug):
    board = get_object_or_404(Board.objects.public(), slug=slug)
    meetings = Meeting.objects.public().filter(board=board).select_related("board")
    return _calendar_response(request, meetings.order_by("date"), board.name, board.slug)


def system_calendar(request, slug):
    system = get_object_or_404(System.objects.real(), slug=slug)
    meetings = Meeting.objects.public().filter(board__system=system).select_related("board")
    return _calendar_response(request, meetings.order_by("date"), system.name, system.slug)
