"""Meetings: the list (all, or one system's), a meeting's page, and the calendar feeds."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from icsgov.core.dates import today
from partnerships.calendar import meetings_calendar
from partnerships.models import Attendance, Decision, Meeting, MeetingPaper
from partnerships.views.crumbs import HOME, system_crumb
from places.models import System


def meeting_list(request):
    """All meetings, or one system's (``?system=<slug>``), upcoming first then past."""
    on = today()
    meetings = Meeting.objects.public().select_related("board__system").order_by("date", "title")
    system = None
    if request.GET.get("system"):
        system = get_object_or_404(System.objects.public(), slug=request.GET["system"])
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
            "breadcrumbs": [HOME, system_crumb(system)] if system else [HOME],
        },
    )


def meeting_detail(request, slug):
    meeting = get_object_or_404(
        Meeting.objects.public().select_related("board__system", "host_organisation", "source"),
        slug=slug,
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
                system_crumb(meeting.board.system),
                {
                    "href": reverse("partnerships:board", args=[meeting.board.slug]),
                    "text": meeting.board.name,
                },
            ],
        },
    )


def calendar_response(request, meetings, name, filename):
    def absolute_url(meeting):
        return request.build_absolute_uri(reverse("partnerships:meeting", args=[meeting.slug]))

    body = meetings_calendar(meetings, name, absolute_url)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def system_calendar(request, slug):
    system = get_object_or_404(System.objects.public(), slug=slug)
    meetings = Meeting.objects.public().filter(board__system=system).select_related("board")
    return calendar_response(request, meetings.order_by("date"), system.name, system.slug)
