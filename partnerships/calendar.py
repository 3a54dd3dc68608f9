"""iCalendar feeds of meetings (RFC 5545), one per body and one per system."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from icsgov.core.dates import DatePrecision
from partnerships.choices import MeetingStatus

STATUS = {
    MeetingStatus.PROPOSED: "TENTATIVE",
    MeetingStatus.SCHEDULED: "CONFIRMED",
    MeetingStatus.HELD: "CONFIRMED",
    MeetingStatus.CANCELLED: "CANCELLED",
}


def meetings_calendar(meetings, name, absolute_url, paper_url=None) -> bytes:
    """A calendar of ``meetings`` known to the day. Meetings dated only to a month or a range
    are left out: a calendar entry would claim a day the papers do not give. A meeting given
    ``public_papers`` and ``public_decisions`` (prefetched by the caller) lists them in its
    description, each paper also as an attachment by its address."""
    cal = Calendar()
    cal.add("prodid", "-//ICS governance registry//icsgov//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    tz = ZoneInfo(settings.TIME_ZONE)
    stamp = timezone.now()
    for meeting in meetings:
        if meeting.date_precision != DatePrecision.DAY:
            continue
        event = Event()
        event.add("uid", f"meeting-{meeting.slug}@icsgov")
        event.add("dtstamp", stamp)
        event.add("summary", f"{meeting.board.name}: {meeting.title}")
        if meeting.starts_at:
            event.add("dtstart", datetime.datetime.combine(meeting.date, meeting.starts_at, tz))
        else:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + datetime.timedelta(days=1))
        event.add("status", STATUS.get(meeting.status, "CONFIRMED"))
        if meeting.location:
            event.add("location", meeting.location)
        description = meeting.purpose
        if not meeting.is_public:
            description = f"Held in private. {description}".strip()
        papers = getattr(meeting, "public_papers", [])
        decisions = getattr(meeting, "public_decisions", [])
        lines = [description] if description else []
        if papers:
            lines.append("Papers:")
            for paper in papers:
                address = paper_url(paper) if paper_url else paper.url
                lines.append(f"- {paper.title}" + (f" <{address}>" if address else ""))
                if address:
                    event.add("attach", address)
        if decisions:
            lines.append("Decisions:")
            lines += [f"- {d.text} ({d.get_outcome_display().lower()})" for d in decisions]
        if lines:
            event.add("description", "\n".join(lines))
        event.add("url", absolute_url(meeting))
        cal.add_component(event)
    return cal.to_ical()
