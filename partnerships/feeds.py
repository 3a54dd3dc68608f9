"""RSS and Atom feeds of what is new on the record of a system or a body: appointments made,
appointments ended, meetings and their public papers (beside the iCalendar feeds of meetings).

Each item is dated by when the registry recorded it (its history), and says in its text when it
happened in the world, at the precision the papers give ("from April 2023"). Only the public
record is fed: the same ``public()`` querysets as the pages.
"""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from icsgov.core.dates import format_date, today
from icsgov.core.history import last_recorded
from partnerships.models import Board, Decision, Meeting, MeetingPaper, Membership
from places.models import System

#: Items in a feed, newest first; a reader polls it, so a few weeks of changes is plenty.
FEED_LENGTH = 50


@dataclass(frozen=True)
class FeedItem:
    title: str
    description: str
    link: str
    recorded: datetime.datetime | None
    guid: str


#: Where an item whose recording time the history does not hold sorts: last.
_UNDATED = timezone.make_aware(datetime.datetime.min.replace(year=1900))


def _when(day: datetime.date | None) -> datetime.datetime | None:
    """A world date as a moment, for a record whose recording time is not in the history;
    None when it has no date either (the item is then given no date, never an invented one)."""
    if day is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _appointment_items(boards, on):
    memberships = list(
        Membership.objects.public()
        .filter(post__board__in=boards)
        .select_related("person", "post__board", "on_behalf_of")
        .order_by("-start_date", "pk")[:FEED_LENGTH]
    )
    recorded = last_recorded(memberships)
    for m in memberships:
        seat = f"{m.post.label}, {m.post.board.name}"
        behalf = f", on behalf of {m.on_behalf_of.name}" if m.on_behalf_of_id else ""
        link = reverse("partnerships:person", args=[m.person.slug])
        at = recorded.get(m.pk) or _when(m.start_date)
        since = format_date(m.start_date, m.start_precision) if m.start_date else "a date not given"
        yield FeedItem(
            f"Appointed: {m.person.name} as {seat}",
            f"{m.person.name} holds {seat}{behalf}, from {since}.",
            link,
            at,
            f"appointment-{m.slug}",
        )
        if m.end_date and m.end_date <= on:
            until = format_date(m.end_date, m.end_precision)
            yield FeedItem(
                f"Ended: {m.person.name} as {seat}",
                f"{m.person.name}'s appointment as {seat}{behalf} ended {until}.",
                link,
                at,
                f"appointment-{m.slug}-ended",
            )


def _meeting_items(boards):
    meetings = list(
        Meeting.objects.public()
        .filter(board__in=boards)
        .select_related("board")
        .order_by("-date", "title")[:FEED_LENGTH]
    )
    recorded = last_recorded(meetings)
    for meeting in meetings:
        yield FeedItem(
            f"Meeting: {meeting.board.name}, {meeting.title} ({meeting.when})",
            meeting.purpose or f"A meeting of {meeting.board.name}, {meeting.when}.",
            reverse("partnerships:meeting", args=[meeting.slug]),
            recorded.get(meeting.pk) or _when(meeting.date),
            f"meeting-{meeting.slug}",
        )
    papers = list(
        MeetingPaper.objects.public()
        .filter(meeting__board__in=boards)
        .select_related("meeting__board")
        .order_by("-meeting__date", "title")[:FEED_LENGTH]
    )
    recorded = last_recorded(papers)
    for paper in papers:
        meeting = paper.meeting
        yield FeedItem(
            f"Paper: {paper.title}",
            f"A paper for {meeting.board.name}, {meeting.title} ({meeting.when}).",
            reverse("partnerships:meeting", args=[meeting.slug]),
            recorded.get(paper.pk) or _when(paper.published_on or meeting.date),
            f"paper-{paper.pk}",
        )
    # Decisions only: a recommendation with no decision recorded is not news of a decision.
    decisions = list(
        Decision.objects.public()
        .decisions()
        .filter(meeting__board__in=boards)
        .select_related("meeting__board")
        .order_by("-meeting__date", "order")[:FEED_LENGTH]
    )
    recorded = last_recorded(decisions)
    for decision in decisions:
        meeting = decision.meeting
        key = " (key decision)" if decision.is_key_decision else ""
        yield FeedItem(
            f"Decision{key}: {decision.get_outcome_display()}, {meeting.board.name}",
            f"{decision.text} ({meeting.title}, {meeting.when})",
            reverse("partnerships:meeting", args=[meeting.slug]),
            recorded.get(decision.pk)
            or _when(decision.published_on or decision.decided_on or meeting.date),
            f"decision-{decision.pk}",
        )


def changes(boards) -> list[FeedItem]:
    """What is new on the record of ``boards`` (a queryset), newest recorded first."""
    on = today()
    items = [*_appointment_items(boards, on), *_meeting_items(boards)]
    items.sort(key=lambda item: (item.recorded or _UNDATED, item.guid), reverse=True)
    return items[:FEED_LENGTH]


class ChangesFeed(Feed):
    """RSS 2.0; ``AtomChanges`` the same as Atom 1.0."""

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return item.link

    def item_guid(self, item):
        return item.guid

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.recorded

    def items(self, obj):
        return changes(self.boards(obj))


class SystemChanges(ChangesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(System.objects.real(), slug=slug)

    def boards(self, system):
        return Board.objects.public().filter(system=system)

    def title(self, system):
        return f"{system.name}: new on the record"

    def link(self, system):
        return reverse("system", args=[system.slug])

    def description(self, system):
        return (
            f"Appointments made and ended, meetings and papers of {system.name}'s bodies, "
            "as the ICS governance registry records them."
        )


class BoardChanges(ChangesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Board.objects.public().select_related("system"), slug=slug)

    def boards(self, board):
        return Board.objects.filter(pk=board.pk)

    def title(self, board):
        return f"{board.name}: new on the record"

    def link(self, board):
        return reverse("partnerships:board", args=[board.slug])

    def description(self, board):
        return (
            f"Appointments made and ended, meetings and papers of {board.name} "
            f"({board.system.name}), as the ICS governance registry records them."
        )


class SystemChangesAtom(SystemChanges):
    feed_type = Atom1Feed
    subtitle = SystemChanges.description


class BoardChangesAtom(BoardChanges):
    feed_type = Atom1Feed
    subtitle = BoardChanges.description
