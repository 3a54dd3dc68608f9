"""Meetings as they are run: the publication state's dates in order, agenda items exempt only
with a reason, papers with a link or a file (not both) for an item of their own meeting, and
decisions — a recommendation is not a decision until its outcome is recorded; a decision is
published no earlier than it was taken, which is no earlier than the meeting; the named people
who took it are people of the meeting's system (``check_decided_by``: a many-to-many value is not
on the record until saved, so the admin form and the API serializer call it with the people
chosen, before saving).

The messages are the database constraints' too (``partnerships.models.meetings``)."""

from django.core.exceptions import ValidationError

from icsgov.core import scoping
from icsgov.core.dates import format_date
from partnerships.choices import MeetingStatus, PaperKind

DRAFT_BEFORE_MEETING = "Draft minutes are published on or after the meeting, not before it."
APPROVED_BEFORE_MEETING = "Minutes are approved on or after the meeting, not before it."
APPROVED_BEFORE_DRAFT = "Minutes are approved on or after their draft was published."
EXEMPT_REASON = (
    "An exempt item needs the reason for excluding the public, and only an exempt item has one."
)
LINK_OR_FILE = "Give the paper's link or upload its file, not both."
PUBLISHED_BEFORE_DECIDED = "A decision is published on or after the date it was taken."
RECOMMENDATION_NOT_DECIDED = (
    "A recommendation with no outcome has no decision date: record the outcome to make it a "
    "decision."
)
MINUTES = (PaperKind.DRAFT_MINUTES, PaperKind.APPROVED_MINUTES)
CYCLE_MONTHS = "Give both months of the window (1 to 12), or neither."
CYCLE_PER_YEAR = "The fewest meetings a year cannot be more than the most."


def _raise(errors):
    if errors:
        raise ValidationError(errors)


def check_publication(meeting):
    errors = {}
    draft, approved = meeting.draft_minutes_published_on, meeting.minutes_approved_on
    if meeting.date and draft and draft < meeting.date:
        errors["draft_minutes_published_on"] = DRAFT_BEFORE_MEETING
    if meeting.date and approved and approved < meeting.date:
        errors["minutes_approved_on"] = APPROVED_BEFORE_MEETING
    elif draft and approved and approved < draft:
        errors["minutes_approved_on"] = f"{APPROVED_BEFORE_DRAFT[:-1]} ({format_date(draft)})."
    if meeting.status == MeetingStatus.CANCELLED and (draft or approved):
        errors.setdefault(
            "minutes_approved_on" if approved else "draft_minutes_published_on",
            "A cancelled meeting has no minutes.",
        )
    _raise(errors)


def check_agenda_item(item):
    if item.is_exempt and not item.exemption_reason.strip():
        _raise({"exemption_reason": "Give the reason for excluding the public from this item."})
    if not item.is_exempt and item.exemption_reason.strip():
        _raise({"exemption_reason": "Only an exempt item has a reason for exclusion."})


def item_of_other_meeting(record):
    item = record.agenda_item if record.agenda_item_id else None
    if item is not None and record.meeting_id and item.meeting_id != record.meeting_id:
        return f"That agenda item is of another meeting ({item.meeting}), not of this one."
    return None


def check_paper(paper):
    errors = {}
    if paper.url and paper.file:
        errors["file"] = LINK_OR_FILE
    wrong = item_of_other_meeting(paper)
    if wrong:
        errors["agenda_item"] = wrong
    meeting = paper.meeting if paper.meeting_id else None
    if (
        meeting is not None
        and paper.kind in MINUTES
        and paper.published_on
        and paper.published_on < meeting.date
    ):
        errors["published_on"] = "Minutes are published on or after the meeting, not before it."
    _raise(errors)


def check_decision(decision):
    errors = {}
    wrong = item_of_other_meeting(decision)
    if wrong:
        errors["agenda_item"] = wrong
    meeting = decision.meeting if decision.meeting_id else None
    if not decision.outcome and decision.decided_on:
        errors["decided_on"] = RECOMMENDATION_NOT_DECIDED
    if meeting is not None:
        if decision.outcome and meeting.status == MeetingStatus.CANCELLED:
            errors["outcome"] = "This meeting was cancelled: no decision was taken at it."
        if decision.decided_on and decision.decided_on < meeting.date:
            errors["decided_on"] = (
                f"A decision of this meeting is taken on or after its date ({meeting.when})."
            )
    taken = decision.decided_on or (meeting.date if meeting is not None else None)
    if decision.published_on and taken and decision.published_on < taken:
        errors["published_on"] = (
            f"{PUBLISHED_BEFORE_DECIDED[:-1]} ({format_date(taken)}), not before it."
        )
    _raise(errors)


def decided_by_errors(meeting, people) -> dict:
    """{"decided_by": message} when any of ``people`` (named as having taken a decision at
    ``meeting``) is not a person of the meeting's system — added there, appointed there, or
    recorded at its meetings (the person's ``system_scope``). Another system's published person
    may be linked elsewhere (people are citable); a decision names its own system's people."""
    people = list(people or ())
    board = getattr(meeting, "board", None) if meeting is not None else None
    if not people or board is None or board.system_id is None:
        return {}
    model = type(people[0])
    ids = {p.pk for p in people}
    inside = set(
        model._default_manager.filter(pk__in=ids)
        .filter(scoping.in_systems_q(model, [board.system_id]))
        .values_list("pk", flat=True)
    )
    outside = [p for p in people if p.pk not in inside]
    if not outside:
        return {}
    names = ", ".join(str(p) for p in outside)
    verb = "is not a person" if len(outside) == 1 else "are not people"
    return {
        "decided_by": f"{names} {verb} of {board.system}: a decision names only people of the "
        "system whose body took it (added, appointed or attending there)."
    }


def check_decided_by(meeting, people):
    _raise(decided_by_errors(meeting, people))


def check_cycle(cycle):
    errors = {}
    months = (cycle.first_month, cycle.last_month)
    if (months[0] is None) != (months[1] is None) or any(
        m is not None and not 1 <= m <= 12 for m in months
    ):
        errors["last_month" if cycle.first_month else "first_month"] = CYCLE_MONTHS
    low, high = cycle.per_year_min, cycle.per_year_max
    if low is not None and high is not None and low > high:
        errors["per_year_max"] = CYCLE_PER_YEAR
    _raise(errors)
