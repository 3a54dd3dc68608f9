"""Meetings: the list (filtered, or a month's calendar), a meeting's page, and the calendar
feeds."""

import calendar
import datetime
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from icsgov.core.dates import DatePrecision, InvalidDate, date_from_parts, today
from partnerships.calendar import meetings_calendar
from partnerships.choices import DecisionOutcome
from partnerships.filtersets import DecisionFilterSet, MeetingFilterSet
from partnerships.models import (
    AgendaItem,
    Attendance,
    Board,
    Decision,
    Meeting,
    MeetingDeclaration,
    MeetingPaper,
)
from partnerships.quorum import quoracy_of
from partnerships.views.crumbs import HOME, system_crumb
from partnerships.views.indexes import CHOOSE
from places.models import System

#: A filterset's date-range fields, and the page's date inputs that give them.
DATE_RANGE_BOXES = {"date_after": "from", "date_before": "to", "date": "from"}
#: The decision register's date boxes, as labelled on its page (and named in its errors).
DECISION_DATE_LABELS = ("Meetings from", "Meetings to")


def date_range_data(query, labels=("From", "To")):
    """({"date_after": ISO, "date_before": ISO}, errors by box) from a page's "from" and "to"
    NHS.UK date inputs (day, month and year boxes), as the filtersets' ``date`` range reads
    them; a box left half-filled, a date that is not real, or a range that ends before it
    starts is an error naming the box by its label on the page, never ignored."""
    data, errors = {}, {}
    start, end = labels
    for prefix, key, label in (("from", "date_after", start), ("to", "date_before", end)):
        try:
            date = date_from_parts(query, prefix, label)
        except InvalidDate as error:
            errors[prefix] = str(error)
            continue
        if date is not None:
            data[key] = date.isoformat()
    if not errors and data.get("date_after", "") > data.get("date_before", "9999"):
        errors["to"] = f"{end} must be the same as or after {start}"
    return data, errors


def _filter_data(request):
    """The page's filters as MeetingFilterSet reads them: the date range comes from NHS.UK date
    inputs (date_range_data)."""
    data = {key: request.GET[key] for key in ("system", "board", "month") if request.GET.get(key)}
    dates, errors = date_range_data(request.GET)
    return {**data, **dates}, errors


def meeting_list(request):
    """Meetings of the public record, filtered by system, body, month or a range of dates:
    upcoming first, then past; or a month's calendar (``?month=YYYY-MM``)."""
    on = today()
    data, errors = _filter_data(request)
    filters = MeetingFilterSet(
        data,
        queryset=Meeting.objects.public().select_related("board__system"),
        request=request,
    )
    if not filters.is_valid():
        for name, messages in filters.errors.items():
            errors[DATE_RANGE_BOXES.get(name, name)] = CHOOSE.get(name, " ".join(messages))
    system = filters.form.cleaned_data.get("system") if not errors else None
    board = filters.form.cleaned_data.get("board") if not errors else None
    month = filters.form.cleaned_data.get("month") if not errors else None
    meetings = (filters.qs if not errors else Meeting.objects.none()).order_by("date", "title")
    query = urlencode({k: v for k, v in request.GET.items() if k != "page"})
    context = {
        "system": system,
        "board": board,
        "month": month,
        "errors": errors,
        "values": request.GET,
        "systems": System.objects.real().order_by("name"),
        "boards": Board.objects.public()
        .filter(**({"system": system} if system else {}))
        .select_related("system")
        .order_by("system__name", "name"),
        "page_query": f"{query}&" if query else "",
        "this_month": on.replace(day=1),
        "breadcrumbs": [HOME, system_crumb(system)] if system else [HOME],
    }
    if month:
        context["calendar"] = month_calendar(month, list(meetings))
    else:
        context["upcoming"] = meetings.upcoming(on)
        context["past"] = Paginator(meetings.past(on).order_by("-date", "title"), 25).get_page(
            request.GET.get("page")
        )
    return render(request, "partnerships/meeting_list.html", context, status=400 if errors else 200)


def month_calendar(first, meetings):
    """A month's meetings as weeks of days (Monday first) for the month view, and those dated
    only to the month or a range of months, which belong to no one day."""
    by_day, undated = {}, []
    for meeting in meetings:
        if meeting.date_precision == DatePrecision.DAY:
            by_day.setdefault(meeting.date, []).append(meeting)
        else:
            undated.append(meeting)
    weeks = [
        [
            {"date": day, "in_month": day.month == first.month, "meetings": by_day.get(day, [])}
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    ]
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return {
        "first": first,
        "weeks": weeks,
        "days": [day for week in weeks for day in week if day["in_month"] and day["meetings"]],
        "undated": undated,
        "count": len(meetings),
        "previous": previous,
        "next": following,
    }


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
            "agenda": AgendaItem.objects.public().filter(meeting=meeting).order_by("order"),
            "papers": MeetingPaper.objects.public()
            .filter(meeting=meeting)
            .select_related("agenda_item")
            .order_by("kind", "title"),
            "quorum": quoracy_of([meeting])[meeting.pk],
            # Attendance and decisions of a private meeting stay off the public record.
            "attendance": Attendance.objects.public()
            .filter(meeting=meeting)
            .select_related("person", "deputy", "membership__post")
            .order_by("person__sort_name", "person__name"),
            "decisions": Decision.objects.public()
            .filter(meeting=meeting)
            .select_related("agenda_item")
            .prefetch_related("decided_by")
            .order_by("order"),
            "declarations": MeetingDeclaration.objects.public()
            .filter(meeting=meeting)
            .select_related("person", "agenda_item")
            .order_by("agenda_item__order", "item_reference", "person__name"),
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

    def paper_url(paper):
        if paper.url:
            return paper.url
        return request.build_absolute_uri(reverse("partnerships:paper-file", args=[paper.pk]))

    # Each entry lists the meeting's published papers and its decisions (never a
    # recommendation, never a private paper), three queries however many meetings.
    meetings = meetings.prefetch_related(
        Prefetch(
            "papers",
            queryset=MeetingPaper.objects.public().order_by("kind", "title"),
            to_attr="public_papers",
        ),
        Prefetch(
            "decisions",
            queryset=Decision.objects.public().decisions().order_by("order"),
            to_attr="public_decisions",
        ),
    )
    body = meetings_calendar(meetings, name, absolute_url, paper_url)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def system_calendar(request, slug):
    system = get_object_or_404(System.objects.public(), slug=slug)
    meetings = Meeting.objects.public().filter(board__system=system).select_related("board")
    return calendar_response(request, meetings.order_by("date"), system.name, system.slug)


def paper_file(request, pk):
    """A paper's uploaded file, streamed only while the paper is public (so a private or not
    yet published paper cannot be fetched by its address)."""
    paper = get_object_or_404(MeetingPaper.objects.public().exclude(file=""), pk=pk)
    inline = paper.file.name.lower().endswith(".pdf")
    response = FileResponse(paper.file.open("rb"), as_attachment=not inline)
    # An uploaded file never runs as part of the site.
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def decision_register(request, slug, scope):
    """The decision register of a body (``scope`` "board") or of a system ("system"):
    decisions only — recommendations with no decision recorded are not on it — filtered by
    key decision, outcome and date, as the API's ``/decisions/`` filters them."""
    if scope == "board":
        owner = get_object_or_404(Board.objects.public().select_related("system"), slug=slug)
        rows = Decision.objects.public().filter(meeting__board=owner)
        system, board = owner.system, owner
    else:
        owner = get_object_or_404(System.objects.public(), slug=slug)
        rows = Decision.objects.public().filter(meeting__board__system=owner)
        system, board = owner, None
    # The dates come from the page's NHS.UK date inputs ("from" and "to" boxes); a link may
    # still give them as the API does (?date_after=YYYY-MM-DD), and boxes typed in win.
    data = {
        key: request.GET.getlist(key) if key == "outcome" else request.GET[key]
        for key in ("key_decision", "outcome", "date_after", "date_before")
        if request.GET.get(key)
    }
    dates, errors = date_range_data(request.GET, DECISION_DATE_LABELS)
    data.update(dates)
    filters = DecisionFilterSet(data, queryset=rows.register(), request=request)
    if not filters.is_valid():
        for name, messages in filters.errors.items():
            errors.setdefault(DATE_RANGE_BOXES.get(name, name), " ".join(messages))
    decisions = filters.qs if not errors else Decision.objects.none()
    crumbs = [HOME, system_crumb(system)]
    if board is not None:
        crumbs.append(
            {"href": reverse("partnerships:board", args=[board.slug]), "text": board.name}
        )
    return render(
        request,
        "partnerships/decision_register.html",
        {
            "owner": owner,
            "board": board,
            "system": system,
            "outcomes": DecisionOutcome.choices,
            "values": request.GET,
            "chosen_outcomes": request.GET.getlist("outcome"),
            "errors": errors,
            "decisions": Paginator(decisions, 50).get_page(request.GET.get("page")),
            "page_query": urlencode(
                [(k, v) for k, vs in request.GET.lists() if k != "page" for v in vs]
            ),
            "breadcrumbs": crumbs,
        },
        status=400 if errors else 200,
    )
