"""People, organisations, bodies, seats, meetings, papers, agenda items and decisions in the
registry's search (icsgov.core.search). What anonymous clients find is the public record
(partnerships.visibility): never a decision of an unpublished or private meeting, or one taken
under an exempt item; exempt agenda items are not search results for anyone."""

from django.db.models import Q
from django.urls import reverse

from icsgov.core.dates import format_date
from icsgov.core.search import SearchIndex, register


def _meeting_when(meeting):
    when = format_date(meeting.date, meeting.date_precision, meeting.date_end)
    return f"{meeting.board.name}, {when}"


def register_indexes():
    register(
        SearchIndex(
            kind="person",
            label="Person",
            model_path="partnerships.Person",
            demonstration="system__is_demonstration",
            name_field="name",
            text_fields=("name", "biography"),
            api_view="api:person-detail",
            page=lambda person: reverse("partnerships:person", args=[person.slug]),
        )
    )
    register(
        SearchIndex(
            kind="organisation",
            label="Organisation",
            model_path="partnerships.Organisation",
            demonstration="system__is_demonstration",
            name_field="name",
            text_fields=("name", "short_name"),
            api_view="api:organisation-detail",
            page=lambda o: reverse("partnerships:organisation", args=[o.slug]),
            where=lambda organisation: organisation.short_name or "",
        )
    )
    register(
        SearchIndex(
            kind="board",
            label="Body",
            model_path="partnerships.Board",
            demonstration="system__is_demonstration",
            name_field="name",
            text_fields=("name", "short_name", "purpose"),
            api_view="api:board-detail",
            page=lambda board: reverse("partnerships:board", args=[board.slug]),
            where=lambda board: board.system.name,
            prefetch=("system",),
        )
    )
    register(
        SearchIndex(
            kind="seat",
            label="Seat",
            model_path="partnerships.Post",
            demonstration="board__system__is_demonstration",
            name_field="label",
            text_fields=("label", "notes"),
            api_view="api:post-detail",
            page=lambda post: reverse("partnerships:board", args=[post.board.slug]) + "#seats",
            where=lambda post: f"{post.board.name}, {post.board.system.name}",
            prefetch=("board__system",),
        )
    )
    register(
        SearchIndex(
            kind="meeting",
            label="Meeting",
            model_path="partnerships.Meeting",
            demonstration="board__system__is_demonstration",
            name_field="title",
            text_fields=("title", "purpose", "location"),
            api_view="api:meeting-detail",
            page=lambda meeting: reverse("partnerships:meeting", args=[meeting.slug]),
            where=_meeting_when,
            prefetch=("board",),
        )
    )
    register(
        SearchIndex(
            kind="paper",
            label="Paper",
            model_path="partnerships.MeetingPaper",
            demonstration="meeting__board__system__is_demonstration",
            name_field="title",
            text_fields=("title",),
            api_view="api:meeting-detail",
            api_kwargs=lambda paper: {"slug": paper.meeting.slug},
            page=lambda paper: reverse("partnerships:meeting", args=[paper.meeting.slug]),
            where=lambda paper: f"{paper.meeting.title}, {_meeting_when(paper.meeting)}",
            prefetch=("meeting__board",),
        )
    )
    register(
        SearchIndex(
            kind="agenda_item",
            label="Agenda item",
            model_path="partnerships.AgendaItem",
            demonstration="meeting__board__system__is_demonstration",
            name_field="title",
            text_fields=("title",),
            api_view="api:agendaitem-detail",
            api_kwargs=lambda item: {"pk": item.pk},
            page=lambda item: reverse("partnerships:meeting", args=[item.meeting.slug]) + "#agenda",
            where=lambda item: f"{item.meeting.title}, {_meeting_when(item.meeting)}",
            prefetch=("meeting__board",),
            only=Q(is_exempt=False),
        )
    )
    register(
        SearchIndex(
            kind="decision",
            label="Decision",
            model_path="partnerships.Decision",
            demonstration="meeting__board__system__is_demonstration",
            name_field="text",
            text_fields=("text",),
            api_view="api:decision-detail",
            api_kwargs=lambda decision: {"pk": decision.pk},
            page=lambda decision: (
                reverse("partnerships:meeting", args=[decision.meeting.slug]) + "#decisions"
            ),
            where=lambda decision: (
                f"{decision.outcome_text}: {decision.meeting.title}, "
                f"{_meeting_when(decision.meeting)}"
            ),
            prefetch=("meeting__board",),
        )
    )
