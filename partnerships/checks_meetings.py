"""The partnerships app's compliance checks about meetings (icsgov.core.checks): bodies that met
less often than their cycle expects, meetings that were not quorate, members below their body's
attendance expectation, and ICB board meetings held in private without a recorded resolution, or
whose notice, papers or minutes were published too late.

Registered in ``PartnershipsConfig.ready()`` with the other checks (partnerships/checks.py).
Each asks about all its systems in a fixed number of queries. "The year" of a check read as at
a date is the last calendar year over by then; "recent meetings" are those in the
``ICSGOV_MEETING_CHECKS["LOOKBACK_DAYS"]`` days up to the date. A body the registry does not keep
(its membership not maintained) is never said to have failed: its findings are undecidable.
"""

import datetime

from django.conf import settings
from django.db.models import Count, Exists, Min, OuterRef, Q, Subquery
from django.urls import reverse

from icsgov.core.checks import Check, Severity, register
from icsgov.core.dates import format_date
from icsgov.core.visibility import with_public_flag
from partnerships.checks import board_page
from partnerships.choices import BoardKind, MeetingStatus, PaperKind
from partnerships.models import (
    AgendaItem,
    Board,
    Meeting,
    MeetingCycle,
    MeetingPaper,
    Membership,
)
from partnerships.quorum import CANNOT_SAY, NOT_QUORATE, quoracy_of
from partnerships.selectors import attendance_records

DEFAULTS = {
    # Meetings this many days before the date are checked for quoracy and publication.
    "LOOKBACK_DAYS": 365,
    # Clear days between the notice (and the agenda) being published and the meeting: the
    # Public Bodies (Admission to Meetings) Act 1960 s1(4)(a)'s three clear days.
    "NOTICE_CLEAR_DAYS": 3,
    "AGENDA_CLEAR_DAYS": 3,
    # Days after the meeting by which its draft minutes are published, and after their approval
    # by which the approved minutes are: the registry's own defaults. The ICB model
    # constitution 7.3.2 requires the minutes of public meetings to be published but sets no
    # time, and no statute found sets one (docs/compliance.md); set your body's own.
    "DRAFT_MINUTES_DAYS": 28,
    "APPROVED_MINUTES_DAYS": 28,
}


def config() -> dict:
    return {**DEFAULTS, **getattr(settings, "ICSGOV_MEETING_CHECKS", {})}


def _meeting_page(meeting):
    return (
        reverse("partnerships:meeting", args=[meeting.slug]) if meeting.is_public_record else None
    )


def _last_year(date):
    return date.year - 1


def _recent(date):
    return date - datetime.timedelta(days=config()["LOOKBACK_DAYS"]), date


# --- 7. bodies that met less often than their cycle expects ---------------------------------


def meeting_frequency(systems, date):
    year = _last_year(date)
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    by_system = {system.pk: system for system in systems}
    boards = {
        b.pk: b
        for b in with_public_flag(Board.objects.filter(system__in=by_system))
        .as_at(first)
        .as_at(last)
    }
    cycles = list(
        MeetingCycle.objects.filter(board__in=boards).exclude(
            per_year_min__isnull=True, first_month__isnull=True
        )
    )
    held = {}
    for board_id, when in Meeting.objects.filter(
        board__in={c.board_id for c in cycles}, status=MeetingStatus.HELD
    ).values_list("board_id", "date"):
        held.setdefault(board_id, []).append(when)
    found = []
    for cycle in cycles:
        board = boards[cycle.board_id]
        system = by_system[board.system_id]
        dates = held.get(board.pk, [])

        def finding(message, undecidable=False, board=board, system=system):
            return MEETING_FREQUENCY.finding(
                system,
                board,
                message,
                link=board_page(board),
                public=board.is_public_record,
                undecidable=undecidable,
                body=board,
            )

        in_year = [d for d in dates if first <= d <= last]
        kept = board.membership_maintained_on(first)
        if cycle.per_year_min and len(in_year) < cycle.per_year_min:
            message = (
                f"{board} held {len(in_year)} meeting{'' if len(in_year) == 1 else 's'} in "
                f"{year}; its cycle ('{cycle.description}') expects at least "
                f"{cycle.per_year_min}."
            )
            if not kept:
                message += " The registry does not keep this body's record for the year, so "
                message += "meetings may be missing from it."
            found.append(finding(message, undecidable=not kept))
        window = cycle.window(year)
        if window and window[1] < date and not any(window[0] <= d <= window[1] for d in dates):
            months = f"{format_date(window[0], 'month')} to {format_date(window[1], 'month')}"
            found.append(
                finding(
                    f"{board} held no meeting in its cycle's window ({months}, "
                    f"'{cycle.description}')"
                    + (
                        "."
                        if kept
                        else "; the registry does not keep this body's record, so "
                        "one may be missing from it."
                    ),
                    undecidable=not kept,
                )
            )
    return found


MEETING_FREQUENCY = Check(
    id="meetings.frequency",
    severity=Severity.WARNING,
    title="Bodies that met less often than their cycle expects",
    source="The body's terms of reference or its papers: its regular cycle of meetings "
    "(e.g. 'three to four assemblies a year', 'May/June each year').",
    source_url="https://www.england.nhs.uk/long-read/guidance-on-integrated-care-board-"
    "constitutions-and-governance/",
    run=meeting_frequency,
    needs="Each body's meeting cycle (meetings a year at least; the months of its window) and "
    "its held meetings. Checked for the last calendar year over by the date. Undecidable when "
    "the registry does not keep the body's record (its membership not maintained).",
)


# --- 8. meetings that were not quorate ------------------------------------------------------


def meetings_quorate(systems, date):
    start, end = _recent(date)
    by_system = {system.pk: system for system in systems}
    meetings = list(
        with_public_flag(
            Meeting.objects.filter(board__system__in=by_system, status=MeetingStatus.HELD)
        )
        .filter(date__range=(start, end))
        .select_related("board")
        .order_by("date", "pk")
    )
    answers = quoracy_of(meetings)
    found = []
    for meeting in meetings:
        answer = answers.get(meeting.pk)
        if answer is None or answer.state not in (NOT_QUORATE, CANNOT_SAY):
            continue
        if answer.state == CANNOT_SAY and answer.terms is None:
            continue  # no terms in force: terms.in-force says so
        if answer.state == CANNOT_SAY and not answer.terms.has_quorum_rule:
            continue  # the rule is only written as words: nothing to count against
        found.append(
            MEETINGS_QUORATE.finding(
                by_system[meeting.board.system_id],
                f"{meeting.board} — {meeting.title} ({meeting.when})",
                (
                    f"The meeting of {meeting.board} on {meeting.when} was not quorate by its "
                    f"terms of reference (v{answer.terms.version}): {answer.reason}."
                )
                if answer.state == NOT_QUORATE
                else (
                    f"Whether the meeting of {meeting.board} on {meeting.when} was quorate "
                    f"cannot be told: {answer.reason}."
                ),
                link=_meeting_page(meeting),
                public=meeting.is_public_record,
                undecidable=answer.state == CANNOT_SAY,
                body=meeting.board,
            )
        )
    return found


MEETINGS_QUORATE = Check(
    id="meetings.quorate",
    severity=Severity.WARNING,
    title="Meetings that were not quorate by the terms of reference in force",
    source="The body's terms of reference in force on the meeting date (their quorum clause); "
    "for an ICB, its standing orders.",
    source_url="https://www.england.nhs.uk/long-read/guidance-on-integrated-care-board-"
    "constitutions-and-governance/",
    run=meetings_quorate,
    needs="Held meetings in the lookback (ICSGOV_MEETING_CHECKS LOOKBACK_DAYS, default 365), "
    "their attendance, and the structured quorum rule of the ratified terms in force "
    "(partnerships.quorum). Undecidable when attendance is not recorded or the answer turns on "
    "whether substitutes count, which the terms do not say.",
)


# --- 9. members below their body's attendance expectation ------------------------------------


def attendance_expectation(systems, date):
    year = _last_year(date)
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    by_system = {system.pk: system for system in systems}
    memberships = (
        with_public_flag(Membership.objects.filter(post__board__system__in=by_system))
        .filter(start_date__lte=last)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=first))
    )
    found = []
    for record in attendance_records(memberships, year):
        if record.expectation is None or not record.held:
            continue
        appointment = record.membership
        board = appointment.post.board
        system = by_system[board.system_id]
        who = f"{appointment.person} — {appointment.post.label}, {board}"
        link = (
            reverse("partnerships:person", args=[appointment.person.slug])
            if appointment.is_public_record
            else None
        )
        if record.meets_expectation is False:
            found.append(
                ATTENDANCE_EXPECTATION.finding(
                    system,
                    who,
                    f"{appointment.person} attended {record.attended} of {record.expected} "
                    f"expected meetings of {board} in {year} ({record.rate}%); its terms of "
                    f"reference expect {record.expectation}%"
                    + (f" ({record.not_recorded} not recorded)." if record.not_recorded else "."),
                    link=link,
                    public=appointment.is_public_record,
                    body=board,
                )
            )
        elif record.meets_expectation is None and record.not_recorded:
            found.append(
                ATTENDANCE_EXPECTATION.finding(
                    system,
                    who,
                    f"{appointment.person}'s attendance at {board} in {year} is not recorded "
                    f"for {record.not_recorded} of {record.held} meetings held, so whether "
                    f"it met the expected {record.expectation}% cannot be told.",
                    link=link,
                    public=appointment.is_public_record,
                    undecidable=True,
                    body=board,
                )
            )
    return found


ATTENDANCE_EXPECTATION = Check(
    id="attendance.expectation",
    severity=Severity.WARNING,
    title="Members below their body's attendance expectation",
    source="The body's terms of reference: the share of a calendar year's meetings each "
    "member is expected to attend (e.g. Frimley ICP's 75%).",
    source_url="https://www.england.nhs.uk/long-read/guidance-on-integrated-care-board-"
    "constitutions-and-governance/",
    run=attendance_expectation,
    needs="Appointments, their attendance rows and the terms' attendance expectation, counted "
    "as partnerships.selectors.attendance_records counts (only meetings held while in the seat; "
    "cancelled meetings out; not recorded apart; a substitute sent is not attending). Checked "
    "for the last calendar year over by the date. Undecidable when attendance is not recorded.",
)


# --- 10. ICB board meetings in public, with notice -----------------------------------------


def _first_paper(kind):
    """The first publication date of the meeting's papers of ``kind`` (a subquery)."""
    return Subquery(
        MeetingPaper.objects.filter(meeting=OuterRef("pk"), kind=kind, published_on__isnull=False)
        .values("meeting")
        .annotate(first=Min("published_on"))
        .values("first")[:1]
    )


def _minutes_findings(meeting, date, rules, finding):
    """The minutes of a held public meeting published later than the configured days: the draft
    after the meeting, the approved minutes after their approval. A date recorded after
    ``date`` is "not published yet" as at it. Not recorded: undecidable when the registry keeps
    the meeting's publication state (its notice or agenda date is recorded), else not listed
    (too common to list, as for the notice)."""
    kept = meeting.notice_published_on is not None or meeting.agenda_published_on is not None
    steps = [
        (
            "draft minutes",
            meeting.date,
            "the meeting",
            min(
                (d for d in (meeting.draft_minutes_published_on, meeting.draft_paper_on) if d),
                default=None,
            ),
            rules["DRAFT_MINUTES_DAYS"],
        )
    ]
    if meeting.minutes_approved_on is not None and meeting.minutes_approved_on <= date:
        steps.append(
            (
                "approved minutes",
                meeting.minutes_approved_on,
                f"their approval on {format_date(meeting.minutes_approved_on)}",
                meeting.approved_paper_on,
                rules["APPROVED_MINUTES_DAYS"],
            )
        )
    found = []
    for what, since, after, published, days in steps:
        due = since + datetime.timedelta(days=days)
        if due >= date:
            continue  # not yet due as at the date
        on = f"{meeting.board}'s meeting on {meeting.when}"
        if published is None:
            if kept:
                found.append(
                    finding(
                        f"The {what} of {on}: their publication is not recorded, so whether "
                        f"they were published within {days} days of {after} cannot be told.",
                        undecidable=True,
                    )
                )
            continue
        late = (published - since).days
        if late > days:
            found.append(
                finding(
                    f"The {what} of {on} were published on {format_date(published)}: {late} "
                    f"days after {after}, more than {days}."
                )
            )
    return found


def _of_board_members(meetings):
    """{meeting pk: how} for the ICB committees' meetings among ``meetings`` whose committee, on
    the meeting date, was made up entirely of members of its parent ICB board or included all
    of them (the model constitution 7.3.1 holds those in public too), where the registry keeps
    both bodies' membership on the date; one query for all."""
    committees = [
        m
        for m in meetings
        if m.board.kind == BoardKind.ICB_COMMITTEE
        and m.board.parent is not None
        and m.board.parent.kind == BoardKind.ICB_BOARD
        and m.board.membership_maintained_on(m.date)
        and m.board.parent.membership_maintained_on(m.date)
    ]
    if not committees:
        return {}
    boards = {m.board_id for m in committees} | {m.board.parent_id for m in committees}
    held = {}
    for board_id, person_id, start, end in Membership.objects.filter(
        post__board__in=boards
    ).values_list("post__board_id", "person_id", "start_date", "end_date"):
        held.setdefault(board_id, []).append((person_id, start, end))

    def members(board_id, date):
        return {
            person
            for person, start, end in held.get(board_id, [])
            if (start is None or start <= date) and (end is None or end >= date)
        }

    found = {}
    for meeting in committees:
        committee = members(meeting.board_id, meeting.date)
        board = members(meeting.board.parent_id, meeting.date)
        if not committee or not board:
            continue
        if committee <= board:
            found[meeting.pk] = "made up entirely of ICB board members"
        elif board <= committee:
            found[meeting.pk] = "including every ICB board member"
    return found


def meetings_in_public(systems, date):
    start, end = _recent(date)
    rules = config()
    by_system = {system.pk: system for system in systems}
    meetings = list(
        with_public_flag(
            Meeting.objects.filter(
                board__system__in=by_system,
                board__kind__in=(BoardKind.ICB_BOARD, BoardKind.ICB_COMMITTEE),
                status=MeetingStatus.HELD,
                date_precision="day",
            )
        )
        .filter(date__range=(start, end))
        .annotate(
            resolved=Exists(
                AgendaItem.objects.filter(meeting=OuterRef("pk"), is_exempt=True).exclude(
                    exemption_reason=""
                )
            ),
            items=Count("agenda_items"),
            draft_paper_on=_first_paper(PaperKind.DRAFT_MINUTES),
            approved_paper_on=_first_paper(PaperKind.APPROVED_MINUTES),
        )
        .select_related("board__parent")
        .order_by("date", "pk")
    )
    of_board_members = _of_board_members(meetings)
    meetings = [
        m for m in meetings if m.board.kind == BoardKind.ICB_BOARD or m.pk in of_board_members
    ]
    found = []
    for meeting in meetings:
        system = by_system[meeting.board.system_id]
        record = f"{meeting.board} — {meeting.title} ({meeting.when})"

        def finding(message, undecidable=False, meeting=meeting, system=system, record=record):
            return MEETINGS_IN_PUBLIC.finding(
                system,
                record,
                message,
                link=_meeting_page(meeting),
                public=meeting.is_public_record,
                undecidable=undecidable,
                body=meeting.board,
            )

        if not meeting.is_public and not meeting.resolved:
            what = (
                f"The board meeting of {meeting.board}"
                if meeting.board.kind == BoardKind.ICB_BOARD
                else f"The meeting of {meeting.board} (a committee {of_board_members[meeting.pk]})"
            )
            found.append(
                finding(
                    f"{what} on {meeting.when} was held in private with no resolution to "
                    "exclude the public recorded (no agenda item marked exempt with its reason)."
                )
            )
        if not meeting.is_public:
            continue
        for field, what, key in (
            ("notice_published_on", "notice", "NOTICE_CLEAR_DAYS"),
            ("agenda_published_on", "agenda and papers", "AGENDA_CLEAR_DAYS"),
        ):
            published = getattr(meeting, field)
            needed = rules[key]
            if published is None:
                continue  # not recorded: the meeting page says so; too common to list
            clear = (meeting.date - published).days - 1
            if clear < needed:
                found.append(
                    finding(
                        f"The {what} of {meeting.board}'s meeting on {meeting.when} "
                        f"{'were' if what.endswith('papers') else 'was'} published on "
                        f"{format_date(published)}: {max(clear, 0)} clear "
                        f"day{'' if clear == 1 else 's'} before it, fewer than {needed}."
                    )
                )
        found.extend(_minutes_findings(meeting, date, rules, finding))
    return found


MEETINGS_IN_PUBLIC = Check(
    id="meetings.in-public",
    severity=Severity.ERROR,
    title="ICB board meetings (and those of committees of board members) held in public, with "
    "notice, papers and minutes published in time",
    source="ICB model constitution 7.3.1–7.3.2 (NHS England, Guidance on ICB constitutions and "
    "governance): meetings of the board, and of committees made up entirely of board members "
    "or including all board members, are held in public unless the public is excluded by a "
    "resolution giving reasons, and their papers and minutes are published; Public Bodies "
    "(Admission to Meetings) Act 1960 s1(4)(a): three clear days' notice (its application to "
    "ICBs through "
    "the Health and Care Act 2022 is not verified here; ICSGOV_MEETING_CHECKS sets the days). "
    "The days for the draft and approved minutes (default 28 each) are the registry's own: "
    "7.3.2 requires the minutes of public meetings to be published but sets no time.",
    source_url="https://www.england.nhs.uk/long-read/guidance-on-integrated-care-board-"
    "constitutions-and-governance/",
    run=meetings_in_public,
    public_duty=True,
    needs="Held ICB board meetings dated to the day in the lookback, and those of ICB "
    "committees whose members on the date were all board members (or included them all), "
    "where the registry keeps both bodies' membership (otherwise not listed): whether held in "
    "public, "
    "agenda items marked exempt with their reason, the dates the notice, agenda, draft minutes "
    "(or a draft-minutes paper) and approved minutes (approval date, an approved-minutes "
    "paper) were published. Meetings whose publication dates are not recorded are not listed; "
    "minutes whose publication is not recorded, on a meeting whose notice or agenda date is, "
    "are undecidable.",
)


CHECKS = (MEETING_FREQUENCY, MEETINGS_QUORATE, ATTENDANCE_EXPECTATION, MEETINGS_IN_PUBLIC)


def register_checks():
    for each in CHECKS:
        register(each)
