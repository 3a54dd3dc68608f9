"""Quoracy of held meetings, from the structured quorum rule of the terms-of-reference version
in force on the meeting date and the attendance recorded.

The answer is one of three, never a guess:

- quorate, or not quorate with the reason ("2 of 5 voting members present (quorum 3); no local
  government member");
- cannot say, with why: no ratified version in force, a version with no structured rule,
  attendance not recorded (or not for enough members to decide either way), or a rule that
  turns on whether substitutes count where the terms do not say.

A substitute or deputy is recorded on the member's row (partnerships.rules.attendance), so they
count for that member's seat, never as a second member. ``quoracy_of`` answers for many
meetings in a fixed number of queries (the meetings list in the admin, a page, the API)."""

import math
from dataclasses import dataclass, field

from django.db.models import Q

from icsgov.core.dates import format_date
from partnerships.choices import (
    ATTENDED,
    UNKNOWN_ATTENDANCE,
    AttendanceStatus,
    MeetingStatus,
    MembershipKind,
    OrganisationKind,
    Sector,
)
from partnerships.models import Attendance, Membership, TermsOfReference

QUORATE = "quorate"
NOT_QUORATE = "not_quorate"
CANNOT_SAY = "cannot_say"
LABELS = {QUORATE: "Quorate", NOT_QUORATE: "Not quorate", CANNOT_SAY: "Cannot say"}


@dataclass
class Quoracy:
    state: str
    reason: str
    terms: object = None
    present: int | None = None
    members: int | None = None
    required: int | None = None
    missing: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return LABELS[self.state]

    def __str__(self):
        return f"{self.label}: {self.reason}" if self.reason else self.label


def quoracy_of(meetings) -> dict:
    """Each meeting's :class:`Quoracy` by id; None for a meeting not (yet) held."""
    meetings = list(meetings)
    held = [m for m in meetings if m.status == MeetingStatus.HELD]
    answers = {m.pk: None for m in meetings}
    if not held:
        return answers
    boards = {m.board_id for m in held}
    terms = list(TermsOfReference.objects.ratified().filter(board_id__in=boards))
    first, last = min(m.date for m in held), max(m.date for m in held)
    members = list(
        Membership.objects.filter(post__board_id__in=boards, kind=MembershipKind.MEMBER)
        .filter(start_date__lte=last)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=first))
        .select_related("post", "on_behalf_of")
    )
    rows = {}
    for row in Attendance.objects.filter(meeting__in=held, membership__isnull=False).only(
        "meeting_id", "membership_id", "status"
    ):
        rows.setdefault(row.meeting_id, {})[row.membership_id] = row.status
    for meeting in held:
        in_force = next(
            (t for t in terms if t.board_id == meeting.board_id and t.is_in_force_on(meeting.date)),
            None,
        )
        in_office = [
            m
            for m in members
            if m.post.board_id == meeting.board_id
            and m.start_date <= meeting.date
            and (m.end_date is None or m.end_date >= meeting.date)
        ]
        answers[meeting.pk] = _quoracy(meeting, in_force, in_office, rows.get(meeting.pk, {}))
    return answers


def _quoracy(meeting, terms, in_office, statuses) -> Quoracy:
    if terms is None:
        return Quoracy(
            CANNOT_SAY,
            f"no ratified terms of reference in force on {format_date(meeting.date)}",
        )
    if not terms.has_quorum_rule:
        written = f" (as written: '{terms.quorum}')" if terms.quorum else ""
        return Quoracy(
            CANNOT_SAY,
            f"the terms of reference in force (v{terms.version}) hold no structured quorum "
            f"rule{written}",
            terms,
        )
    if not any(s not in UNKNOWN_ATTENDANCE for s in statuses.values()):
        return Quoracy(CANNOT_SAY, "attendance not recorded", terms)
    counted = [m for m in in_office if m.is_voting] if terms.quorum_voting_only else in_office
    counted_ids = {m.pk for m in counted}
    # A row may name an appointment that is no longer in effect on the day (corrected later):
    # only those in office count.
    states = [statuses.get(m.pk) for m in counted]
    unknown = sum(1 for s in states if s is None or s in UNKNOWN_ATTENDANCE)

    def present_with(substitutes_count):
        counts = set(ATTENDED) | ({AttendanceStatus.SUBSTITUTE} if substitutes_count else set())
        if terms.quorum_voting_only and terms.substitutes_vote is False:
            counts.discard(AttendanceStatus.SUBSTITUTE)
        return [m for m in counted if m.pk in counted_ids and statuses.get(m.pk) in counts]

    stated = terms.voting_membership_count if terms.quorum_voting_only else terms.membership_count
    size = stated if stated is not None else len(counted)
    required = terms.quorum_number or 0
    if terms.quorum_percent:
        if not size:
            return Quoracy(CANNOT_SAY, "the number of members is not known", terms)
        required = max(required, math.ceil(size * terms.quorum_percent / 100))

    def verdict(present):
        missing = [
            f"no {Sector(s).label.lower()} member"
            for s in terms.quorum_sectors
            if not any(m.on_behalf_of and m.on_behalf_of.sector == s for m in present)
        ] + [
            f"no member from {_a(OrganisationKind(k).label.lower())}"
            for k in terms.quorum_organisation_kinds
            if not any(m.on_behalf_of and m.on_behalf_of.kind == k for m in present)
        ]
        return len(present) >= required and not missing, missing

    substitutes = terms.substitutes_count_for_quorum
    options = [substitutes] if substitutes is not None else [False, True]
    outcomes = [verdict(present_with(option)) for option in options]
    present = present_with(bool(substitutes))
    noun = "voting members" if terms.quorum_voting_only else "members"
    counted_text = f"{len(present)} of {size} {noun} present"
    if required:
        counted_text += f" (quorum {required})"
    common = {"terms": terms, "present": len(present), "members": size, "required": required}
    if all(ok for ok, _ in outcomes):
        return Quoracy(QUORATE, counted_text, **common)
    if len({ok for ok, _ in outcomes}) > 1:
        return Quoracy(
            CANNOT_SAY,
            f"{counted_text}; it turns on whether substitutes count, which the terms of "
            "reference do not say",
            **common,
        )
    if unknown:
        return Quoracy(
            CANNOT_SAY,
            f"{counted_text}; attendance not recorded for {unknown} "
            f"{'member' if unknown == 1 else 'members'}",
            **common,
        )
    missing = outcomes[0][1]
    return Quoracy(NOT_QUORATE, "; ".join([counted_text, *missing]), missing=missing, **common)


def _a(noun):
    return ("an " if noun[:1] in "aeiou" else "a ") + noun
