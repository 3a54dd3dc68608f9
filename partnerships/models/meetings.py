import datetime
from dataclasses import dataclass

import pghistory
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q

from icsgov.core.dates import DatePrecision, format_date, not_over_q, period_end, today, within_q
from icsgov.core.models import (
    CheckedModel,
    PublicQuerySet,
    PublishableQuerySet,
    SluggedModel,
    SourcedModel,
)
from icsgov.core.periods import Period, end_not_before_start
from icsgov.core.scoping import Scope
from partnerships.choices import (
    UNKNOWN_ATTENDANCE,
    AttendanceStatus,
    DecisionOutcome,
    MeetingKind,
    MeetingStatus,
    PaperKind,
)
from partnerships.rules import attendance as attendance_rules
from partnerships.rules import meetings as meeting_rules

#: Document formats a paper may be uploaded in (never a web page or a script, which a browser
#: would run).
PAPER_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "odt",
    "rtf",
    "txt",
    "csv",
    "xls",
    "xlsx",
    "ods",
    "ppt",
    "pptx",
    "odp",
]


def _not_over(date):
    return not_over_q(date, precision="date_precision")


class MeetingQuerySet(PublishableQuerySet):
    # public(): published, of a public body. A private meeting is still listed; its papers never
    # are (partnerships.visibility).

    def upcoming(self, date=None):
        """Meetings not yet over on ``date`` (a 'September 2022' meeting lasts the month)."""
        return self.filter(_not_over(date or today())).exclude(status=MeetingStatus.CANCELLED)

    def past(self, date=None):
        return self.exclude(_not_over(date or today()))

    def in_month(self, first):
        """Meetings that may fall in the month beginning ``first``: dated to a day in it, or
        only to that month, or to a range of months including it."""
        last = period_end(first, DatePrecision.MONTH)
        return self.filter(within_q(first, last, precision="date_precision"))

    def without_attendance(self, date=None):
        """Meetings over by ``date``, not cancelled or merely proposed, with no attendance
        recorded (rows only 'expected' or 'not recorded' do not count): the secretariat's to
        record."""
        return (
            self.past(date)
            .filter(status__in=[MeetingStatus.HELD, MeetingStatus.SCHEDULED])
            .exclude(Exists(Attendance.objects.recorded().filter(meeting=OuterRef("pk"))))
        )


@pghistory.track()
class Meeting(SluggedModel, SourcedModel, CheckedModel):
    """A meeting of a body: scheduled, held or cancelled; public or private."""

    slug_source = "slug_basis"

    # PROTECT: meetings are the public record of what a body did.
    board = models.ForeignKey(
        "partnerships.Board",
        verbose_name="body",
        on_delete=models.PROTECT,
        related_name="meetings",
        help_text="Body that meets.",
    )
    title = models.CharField(
        max_length=250, help_text="Title, e.g. 'Inaugural meeting of the ICP'."
    )
    kind = models.CharField(
        max_length=30,
        choices=MeetingKind.choices,
        default=MeetingKind.ORDINARY,
        help_text="Kind of meeting.",
    )
    date = models.DateField(help_text="Date, or the first day of its period if imprecise.")
    date_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the date is known.",
    )
    date_end = models.DateField(
        "end of the range",
        null=True,
        blank=True,
        help_text="For a range of months: the first day of the last month.",
    )
    starts_at = models.TimeField(null=True, blank=True, help_text="Start time, if known.")
    purpose = models.TextField(blank=True, help_text="What the meeting is for.")
    is_public = models.BooleanField(
        default=True, help_text="Held in public. Papers of private meetings are never published."
    )
    status = models.CharField(
        max_length=20,
        choices=MeetingStatus.choices,
        default=MeetingStatus.SCHEDULED,
        help_text="Proposed, scheduled, held or cancelled.",
    )
    host = models.CharField(
        max_length=250, blank=True, help_text="Who hosts or leads the session, as the papers say."
    )
    host_organisation = models.ForeignKey(
        "partnerships.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_meetings",
        help_text="Organisation hosting, if one does.",
    )
    location = models.CharField(max_length=250, blank=True, help_text="Where it is held.")
    is_published = models.BooleanField(
        default=True, help_text="Unpublished meetings are visible to secretariat staff only."
    )
    # The meeting's publication state: each step with its date, blank while not (known to be)
    # done.
    notice_published_on = models.DateField(
        "notice published", null=True, blank=True, help_text="Date the notice was published."
    )
    agenda_published_on = models.DateField(
        "agenda published", null=True, blank=True, help_text="Date the agenda was published."
    )
    draft_minutes_published_on = models.DateField(
        "draft minutes published",
        null=True,
        blank=True,
        help_text="Date the draft minutes were published (on or after the meeting).",
    )
    minutes_approved_on = models.DateField(
        "minutes approved",
        null=True,
        blank=True,
        help_text="Date the minutes were approved (on or after the meeting and the draft).",
    )

    objects = MeetingQuerySet.as_manager()

    #: Public records are ended or withdrawn, not deleted, except by superusers
    #: (icsgov.core.scoping.may_delete); what to do instead:
    withdraw_instead = (
        "Meetings are not deleted: one that will not happen is cancelled (status cancelled), "
        "and one that should not be public is unpublished."
    )
    system_scope = Scope("board__system")
    date_periods = (Period("date", "date_end", "date_precision", "date_precision"),)

    class Meta:
        ordering = ["-date", "board__name"]
        indexes = [
            # The lists in the meetings' order (meetings, and their attendance, papers and
            # decisions) read their first page from the newest meeting down, not by sorting
            # every row (docs/performance.md, 25).
            models.Index(fields=["-date"], name="partnerships_meeting_newest"),
        ]
        constraints = [
            end_not_before_start(
                "partnerships_meeting", "date", "date_end", names=("date", "end of the range")
            ),
            models.CheckConstraint(
                condition=Q(draft_minutes_published_on__isnull=True)
                | Q(draft_minutes_published_on__gte=F("date")),
                name="partnerships_meeting_draft_minutes_after_meeting",
                violation_error_message=meeting_rules.DRAFT_BEFORE_MEETING,
            ),
            models.CheckConstraint(
                condition=Q(minutes_approved_on__isnull=True)
                | Q(minutes_approved_on__gte=F("date")),
                name="partnerships_meeting_minutes_approved_after_meeting",
                violation_error_message=meeting_rules.APPROVED_BEFORE_MEETING,
            ),
            models.CheckConstraint(
                condition=Q(minutes_approved_on__isnull=True)
                | Q(draft_minutes_published_on__isnull=True)
                | Q(minutes_approved_on__gte=F("draft_minutes_published_on")),
                name="partnerships_meeting_minutes_approved_after_draft",
                violation_error_message=meeting_rules.APPROVED_BEFORE_DRAFT,
            ),
        ]

    def __str__(self):
        return f"{self.board} — {self.title} ({self.when})"

    @property
    def slug_basis(self):
        return f"{self.board.slug} {self.date.isoformat() if self.date else ''} {self.title}"

    @property
    def when(self) -> str:
        return format_date(self.date, self.date_precision, self.date_end)

    def clean(self):
        super().clean()
        meeting_rules.check_publication(self)

    def publication_steps(self):
        """The publication state as (step, date or None), in order."""
        return [
            ("Notice published", self.notice_published_on),
            ("Agenda published", self.agenda_published_on),
            ("Draft minutes published", self.draft_minutes_published_on),
            ("Minutes approved", self.minutes_approved_on),
        ]


@pghistory.track()
class AgendaItem(SourcedModel):
    """An item on a meeting's agenda, in order; public, or exempt (taken in private) with the
    reason for excluding the public."""

    # CASCADE: an agenda item is part of its meeting.
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", help_text="Meeting."
    )
    order = models.PositiveSmallIntegerField(help_text="Position on the agenda.")
    number = models.CharField(
        max_length=20, blank=True, help_text="Item number as the agenda prints it, e.g. '4.1'."
    )
    title = models.CharField(max_length=250, help_text="Title of the item.")
    is_exempt = models.BooleanField(
        "exempt",
        default=False,
        help_text="Taken in private: its papers and decisions are never public.",
    )
    exemption_reason = models.CharField(
        "reason for exclusion",
        max_length=500,
        blank=True,
        help_text="Why the public was excluded, as the resolution states (required when exempt).",
    )

    objects = PublicQuerySet.as_manager()

    #: Public records are ended or withdrawn, not deleted, except by superusers
    #: (icsgov.core.scoping.may_delete); what to do instead:
    withdraw_instead = (
        "Agenda items are part of the meeting's record: correct the item, or mark it exempt."
    )
    system_scope = Scope("meeting__board__system")

    class Meta:
        ordering = ["meeting", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"], name="partnerships_agendaitem_unique_order"
            ),
            models.CheckConstraint(
                condition=Q(is_exempt=False, exemption_reason="")
                | (Q(is_exempt=True) & ~Q(exemption_reason="")),
                name="partnerships_agendaitem_exempt_with_reason",
                violation_error_message=meeting_rules.EXEMPT_REASON,
            ),
        ]

    def __str__(self):
        return f"{self.number or self.order}. {self.title}"

    def clean(self):
        super().clean()
        meeting_rules.check_agenda_item(self)


@pghistory.track()
class MeetingPaper(SourcedModel):
    """A paper for a meeting. Papers of private meetings, or not marked public, stay private."""

    # CASCADE: a paper belongs to its meeting.
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="papers", help_text="Meeting."
    )
    title = models.CharField(max_length=250, help_text="Title of the paper.")
    kind = models.CharField(
        max_length=20,
        choices=PaperKind.choices,
        default=PaperKind.OTHER,
        help_text="Agenda, report, draft minutes, approved minutes or other.",
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="papers",
        help_text="Agenda item the paper is for, if one.",
    )
    url = models.URLField(blank=True, help_text="Where the paper is published (or upload it).")
    file = models.FileField(
        upload_to="papers/%Y/",
        blank=True,
        validators=[FileExtensionValidator(PAPER_EXTENSIONS)],
        help_text="The paper itself, uploaded (or give its link). Served only while public.",
    )
    is_public = models.BooleanField(
        default=True, help_text="Public papers of public meetings are shown on public pages."
    )
    published_on = models.DateField(
        "publication date",
        null=True,
        blank=True,
        help_text="Date it is (or was) published; a paper is not public before it.",
    )

    # public(): papers marked public and published, of a public meeting held in public and not
    # of an exempt agenda item; never private ones.
    objects = PublicQuerySet.as_manager()

    #: Public records are ended or withdrawn, not deleted, except by superusers
    #: (icsgov.core.scoping.may_delete); what to do instead:
    withdraw_instead = "Papers are part of the meeting's record: mark one not public instead."
    system_scope = Scope("meeting__board__system")

    class Meta:
        ordering = ["meeting", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(url="") | Q(file=""),
                name="partnerships_meetingpaper_link_or_file",
                violation_error_message=meeting_rules.LINK_OR_FILE,
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        meeting_rules.check_paper(self)


class AttendanceQuerySet(PublicQuerySet):
    def recorded(self):
        """Rows that say whether the person came: not merely expected or not recorded."""
        return self.exclude(status__in=UNKNOWN_ATTENDANCE)


@pghistory.track()
class Attendance(models.Model):
    """Who attended a meeting, with the statuses councils use: expected, present, present
    virtually, represented by a substitute or deputy (named, on the member's row), in
    attendance (not a member), apologies, absent, or not recorded (never the same as absent)."""

    # CASCADE: attendance is part of the meeting's record.
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendance", help_text="Meeting."
    )
    # PROTECT: a person with recorded attendance is part of the public record.
    person = models.ForeignKey(
        "partnerships.Person",
        on_delete=models.PROTECT,
        related_name="attendance",
        help_text="Person attending (or sending apologies), or the member a substitute stood in "
        "for.",
    )
    # PROTECT: a member's attendance belongs to their appointment on the meeting date.
    membership = models.ForeignKey(
        "partnerships.Membership",
        verbose_name="appointment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendance",
        help_text="The appointment under which they attend; blank for someone in attendance who "
        "is not a member.",
    )
    status = models.CharField(
        max_length=20,
        choices=AttendanceStatus.choices,
        default=AttendanceStatus.NOT_RECORDED,
        help_text="Expected, present, present virtually, represented by a substitute or deputy, "
        "in attendance (not a member), apologies, absent, or not recorded.",
    )
    deputy = models.ForeignKey(
        "partnerships.Person",
        verbose_name="substitute or deputy",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deputised_attendance",
        help_text="Who attended in the member's place, when the status is 'represented by a "
        "substitute or deputy'.",
    )
    notes = models.CharField(max_length=250, blank=True, help_text="Notes, e.g. left early.")

    objects = AttendanceQuerySet.as_manager()

    #: Public records are ended or withdrawn, not deleted, except by superusers
    #: (icsgov.core.scoping.may_delete); what to do instead:
    withdraw_instead = "Attendance is part of the meeting's record: correct its status instead."
    system_scope = Scope("meeting__board__system")

    class Meta:
        ordering = ["meeting", "person__name"]
        verbose_name_plural = "attendance"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="partnerships_attendance_once_per_meeting"
            ),
            models.CheckConstraint(
                condition=Q(status=AttendanceStatus.SUBSTITUTE, deputy__isnull=False)
                | (~Q(status=AttendanceStatus.SUBSTITUTE) & Q(deputy__isnull=True)),
                name="partnerships_attendance_substitute_named",
                violation_error_message=attendance_rules.SUBSTITUTE_NAMED,
            ),
            models.CheckConstraint(
                condition=Q(membership__isnull=True, status=AttendanceStatus.IN_ATTENDANCE)
                | (Q(membership__isnull=False) & ~Q(status=AttendanceStatus.IN_ATTENDANCE)),
                name="partnerships_attendance_non_member_in_attendance",
                violation_error_message=attendance_rules.NON_MEMBER,
            ),
            models.CheckConstraint(
                condition=~Q(deputy=F("person")),
                name="partnerships_attendance_substitute_not_the_member",
                violation_error_message=attendance_rules.SUBSTITUTE_NOT_THE_MEMBER,
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.get_status_display()}"

    def clean(self):
        super().clean()
        attendance_rules.check_attendance(self)


class DecisionQuerySet(PublicQuerySet):
    def decisions(self):
        """Decisions: those with an outcome recorded."""
        return self.exclude(outcome="")

    def recommendations(self):
        """Recommendations put to the meeting with no decision recorded on them."""
        return self.filter(outcome="")

    def register(self):
        """The decision register's rows: decisions only, latest first, with what it shows."""
        return (
            self.decisions()
            .select_related("meeting__board", "agenda_item")
            .prefetch_related("decided_by")
            .order_by("-meeting__date", "meeting__board__name", "order")
        )


@pghistory.track()
class Decision(SourcedModel):
    """A decision recorded at a meeting: its outcome, agenda item, key-decision flag, the date
    it was taken and the date it was published, and who decided (the body, or named people).
    A recommendation is not a decision until its outcome is recorded: a row without one is
    "recommendation, no decision recorded"."""

    # CASCADE: decisions are part of the meeting's record.
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="decisions", help_text="Meeting."
    )
    order = models.PositiveSmallIntegerField(default=1, help_text="Position in the minutes.")
    text = models.TextField(help_text="The decision (or recommendation) as minuted.")
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        help_text="Agenda item it was taken under, if known.",
    )
    outcome = models.CharField(
        max_length=30,
        choices=DecisionOutcome.choices,
        blank=True,
        help_text="Approved, approved with amendments, deferred, rejected or noted (or decided, "
        "outcome not classified); blank for a recommendation with no decision recorded.",
    )
    is_key_decision = models.BooleanField(
        "key decision", default=False, help_text="A key decision, as the body's rules define it."
    )
    decided_on = models.DateField(
        "decision date",
        null=True,
        blank=True,
        help_text="Date the decision was taken (on or after the meeting); blank if not known.",
    )
    published_on = models.DateField(
        "publication date",
        null=True,
        blank=True,
        help_text="Date the decision was published (not before it was taken).",
    )
    decided_by = models.ManyToManyField(
        "partnerships.Person",
        blank=True,
        related_name="decisions_taken",
        help_text="Named people who took it, where the law asks for them; blank when the body "
        "decided.",
    )

    objects = DecisionQuerySet.as_manager()

    #: Public records are ended or withdrawn, not deleted, except by superusers
    #: (icsgov.core.scoping.may_delete); what to do instead:
    withdraw_instead = "Decisions are part of the meeting's record: correct the wording instead."
    system_scope = Scope("meeting__board__system")

    class Meta:
        ordering = ["meeting", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"], name="partnerships_decision_unique_order"
            ),
            models.CheckConstraint(
                condition=Q(published_on__isnull=True)
                | Q(decided_on__isnull=True)
                | Q(published_on__gte=F("decided_on")),
                name="partnerships_decision_published_after_decided",
                violation_error_message=meeting_rules.PUBLISHED_BEFORE_DECIDED,
            ),
            models.CheckConstraint(
                condition=~Q(outcome="") | Q(decided_on__isnull=True),
                name="partnerships_decision_recommendation_not_decided",
                violation_error_message=meeting_rules.RECOMMENDATION_NOT_DECIDED,
            ),
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def is_decision(self) -> bool:
        return bool(self.outcome)

    @property
    def outcome_text(self) -> str:
        return (
            self.get_outcome_display() if self.outcome else "Recommendation: no decision recorded"
        )

    def clean(self):
        super().clean()
        meeting_rules.check_decision(self)


MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip


@dataclass(frozen=True)
class PlannedMeeting:
    """A meeting a body's regular cycle expects in a window of months, not yet scheduled."""

    cycle: "MeetingCycle"
    first: datetime.date
    last: datetime.date

    @property
    def when(self) -> str:
        start = f"{MONTHS[self.first.month - 1]}"
        if self.first.month == self.last.month and self.first.year == self.last.year:
            return f"{start} {self.first.year}"
        year = f" {self.first.year}" if self.first.year != self.last.year else ""
        return f"{start}{year} to {MONTHS[self.last.month - 1]} {self.last.year}"


@pghistory.track()
class MeetingCycle(SourcedModel, CheckedModel):
    """A body's regular cycle of meetings as its papers give it ("May/June each year", "three
    to four assemblies a year"). Where it names months, each year's window not yet over that
    holds no scheduled or held meeting of the body is shown as a planned meeting — never as a
    meeting with a date."""

    # CASCADE: a cycle is part of its body's arrangements.
    board = models.ForeignKey(
        "partnerships.Board",
        verbose_name="body",
        on_delete=models.CASCADE,
        related_name="meeting_cycles",
        help_text="Body that meets.",
    )
    description = models.CharField(
        max_length=250, help_text="The cycle as the papers give it, e.g. 'May/June each year'."
    )
    kind = models.CharField(
        max_length=30,
        choices=MeetingKind.choices,
        default=MeetingKind.ORDINARY,
        help_text="Kind of meeting the cycle holds.",
    )
    first_month = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="First month of each year's window (1–12), if named."
    )
    last_month = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Last month of the window (1–12; earlier than the first for a window into "
        "the next year, e.g. December to January).",
    )
    per_year_min = models.PositiveSmallIntegerField(
        "meetings a year (at least)", null=True, blank=True, help_text="E.g. 3 of 'three to four'."
    )
    per_year_max = models.PositiveSmallIntegerField(
        "meetings a year (at most)", null=True, blank=True, help_text="E.g. 4 of 'three to four'."
    )

    objects = PublicQuerySet.as_manager()

    #: Public records are ended or withdrawn, not deleted, except by superusers
    #: (icsgov.core.scoping.may_delete); what to do instead:
    withdraw_instead = "A body's meeting cycle is corrected, not deleted: edit its description."
    system_scope = Scope("board__system")

    class Meta:
        ordering = ["board", "first_month", "description"]
        constraints = [
            models.CheckConstraint(
                condition=Q(first_month__isnull=True, last_month__isnull=True)
                | Q(first_month__gte=1, first_month__lte=12, last_month__gte=1, last_month__lte=12),
                name="partnerships_meetingcycle_months",
                violation_error_message=meeting_rules.CYCLE_MONTHS,
            ),
            models.CheckConstraint(
                condition=Q(per_year_min__isnull=True)
                | Q(per_year_max__isnull=True)
                | Q(per_year_min__lte=F("per_year_max")),
                name="partnerships_meetingcycle_per_year",
                violation_error_message=meeting_rules.CYCLE_PER_YEAR,
            ),
        ]

    def __str__(self):
        return f"{self.board}: {self.description}"

    def clean(self):
        super().clean()
        meeting_rules.check_cycle(self)

    def window(self, year):
        """The window of months in ``year`` (None if the cycle names no months)."""
        if not self.first_month or not self.last_month:
            return None
        end_year = year + 1 if self.last_month < self.first_month else year
        first = datetime.date(year, self.first_month, 1)
        last = period_end(datetime.date(end_year, self.last_month, 1), DatePrecision.MONTH)
        return first, last

    def planned(self, meetings, on, years=2):
        """Windows from the year of ``on`` for ``years`` years that are not over on ``on`` and
        hold none of ``meetings`` (the body's meetings not cancelled)."""
        found = []
        for year in range(on.year, on.year + years):
            window = self.window(year)
            if window is None or window[1] < on:
                continue
            first, last = window
            if not any(first <= m.date <= last for m in meetings):
                found.append(PlannedMeeting(self, first, last))
        return found
