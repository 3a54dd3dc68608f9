import pghistory
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
    MeetingKind,
    MeetingStatus,
)
from partnerships.rules import attendance as attendance_rules


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
        constraints = [
            end_not_before_start(
                "partnerships_meeting", "date", "date_end", names=("date", "end of the range")
            )
        ]

    def __str__(self):
        return f"{self.board} — {self.title} ({self.when})"

    @property
    def slug_basis(self):
        return f"{self.board.slug} {self.date.isoformat() if self.date else ''} {self.title}"

    @property
    def when(self) -> str:
        return format_date(self.date, self.date_precision, self.date_end)


@pghistory.track()
class MeetingPaper(SourcedModel):
    """A paper for a meeting. Papers of private meetings, or not marked public, stay private."""

    # CASCADE: a paper belongs to its meeting.
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="papers", help_text="Meeting."
    )
    title = models.CharField(max_length=250, help_text="Title of the paper.")
    url = models.URLField(blank=True, help_text="Where the paper is published.")
    is_public = models.BooleanField(
        default=True, help_text="Public papers of public meetings are shown on public pages."
    )

    # public(): papers marked public, of a public meeting held in public; never private ones.
    objects = PublicQuerySet.as_manager()

    #: Public records are ended or withdrawn, not deleted, except by superusers
    #: (icsgov.core.scoping.may_delete); what to do instead:
    withdraw_instead = "Papers are part of the meeting's record: mark one not public instead."
    system_scope = Scope("meeting__board__system")

    class Meta:
        ordering = ["meeting", "title"]

    def __str__(self):
        return self.title


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


@pghistory.track()
class Decision(SourcedModel):
    """A decision recorded at a meeting."""

    # CASCADE: decisions are part of the meeting's record.
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="decisions", help_text="Meeting."
    )
    order = models.PositiveSmallIntegerField(default=1, help_text="Position in the minutes.")
    text = models.TextField(help_text="The decision as minuted.")

    objects = PublicQuerySet.as_manager()

    #: Public records are ended or withdrawn, not deleted, except by superusers
    #: (icsgov.core.scoping.may_delete); what to do instead:
    withdraw_instead = "Decisions are part of the meeting's record: correct the wording instead."
    system_scope = Scope("meeting__board__system")

    class Meta:
        ordering = ["meeting", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"], name="partnerships_decision_unique_order"
            )
        ]

    def __str__(self):
        return self.text[:80]
