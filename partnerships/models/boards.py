import pghistory
from django.core.exceptions import ValidationError
from django.db import models

from icsgov.core.dates import format_date
from icsgov.core.models import (
    PublishableDatedQuerySet,
    PublishableModel,
    SluggedModel,
    SourcedModel,
    ValidityPeriod,
)
from icsgov.core.periods import end_not_before_start
from icsgov.core.scoping import Scope
from partnerships.choices import BoardKind, BoardStatus, ChairModel
from partnerships.rules import chairs


class BoardQuerySet(PublishableDatedQuerySet):
    def as_at(self, date):
        """Bodies in effect on ``date``. A proposed body with no start date never started as far
        as the record knows, so it is in effect on no date."""
        return super().as_at(date).exclude(status=BoardStatus.PROPOSED, start_date__isnull=True)

    def in_place(self, place):
        """Bodies of a place, whether tied to it directly or through a footprint or cluster."""
        return self.filter(
            models.Q(place=place)
            | models.Q(footprint__places=place)
            | models.Q(cluster__place=place)
        ).distinct()


@pghistory.track()
class Board(SluggedModel, SourcedModel, PublishableModel, ValidityPeriod):
    """Any governance body: ICB board, ICP and its committees and assemblies, HWBs, place
    partnership boards, joint commissioning boards, cluster boards, delivery and task-and-finish
    groups. The 2018 local ICPs and the 2022 statutory ICP are different kinds."""

    name = models.CharField(max_length=250, help_text="Full name of the body.")
    short_name = models.CharField(max_length=60, blank=True, help_text="Common abbreviation.")
    kind = models.CharField(max_length=40, choices=BoardKind.choices, help_text="Kind of body.")
    # PROTECT: a system's bodies are the public record; dissolve them with an end date.
    system = models.ForeignKey(
        "places.System",
        on_delete=models.PROTECT,
        related_name="boards",
        help_text="System the body belongs to.",
    )
    place = models.ForeignKey(
        "places.Place",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="boards",
        help_text="Place the body covers, for place-level bodies.",
    )
    footprint = models.ForeignKey(
        "places.Footprint",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="boards",
        help_text="Named footprint the body covers, when it is not a single place.",
    )
    cluster = models.ForeignKey(
        "places.Cluster",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="boards",
        help_text="Cluster the body governs (cluster boards).",
    )
    # PROTECT: a committee must not vanish with its parent by accident.
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="Body this one is a committee, assembly or group of.",
    )
    predecessors = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="successors",
        help_text="Bodies this one replaced, e.g. a joint commissioning board reconstituted.",
    )
    convening_organisations = models.ManyToManyField(
        "partnerships.Organisation",
        blank=True,
        related_name="convened_boards",
        help_text="Organisations that jointly form or convene the body.",
    )
    chair_model = models.CharField(
        max_length=30,
        choices=ChairModel.choices,
        default=ChairModel.UNKNOWN,
        help_text="How the body is chaired. Co-chairs and rotation allow several chairs at once.",
    )
    meets_in_public = models.BooleanField(
        null=True, blank=True, help_text="Whether it meets in public; blank if not yet decided."
    )
    status = models.CharField(
        max_length=20,
        choices=BoardStatus.choices,
        default=BoardStatus.ACTIVE,
        help_text="Lifecycle stage. Dates say when; 'as at' answers come from the dates.",
    )
    end_reason = models.CharField(
        max_length=300, blank=True, help_text="Why it ended, e.g. reconstituted as another body."
    )
    purpose = models.TextField(blank=True, help_text="What the body is for, in brief.")
    membership_maintained_from = models.DateField(
        null=True,
        blank=True,
        help_text="From this date the secretariat keeps the body's appointments up to date here, "
        "so a seat with no holder is vacant. Blank: the membership is known only from papers, "
        "and a seat with no holder recorded is just that — not recorded.",
    )
    attendance_expectation = models.CharField(
        max_length=300,
        blank=True,
        help_text="Attendance expected of members, e.g. at least 75% of meetings a year.",
    )

    objects = BoardQuerySet.as_manager()

    #: Public records are ended or withdrawn, not deleted, except by superusers
    #: (icsgov.core.scoping.may_delete); what to do instead:
    withdraw_instead = (
        "Bodies are dissolved, not deleted: set the status to dissolved with the date it ended."
    )
    system_scope = Scope("system")
    #: Links that must point into the body's own system.
    same_system_links = ("place", "footprint", "cluster", "parent")

    class Meta:
        verbose_name = "body"
        verbose_name_plural = "bodies"
        ordering = ["system__name", "name"]
        indexes = [
            # The lists in their bodies' order by name (appointments, seats, terms of
            # reference) read their first page body by body, not by sorting every row
            # (docs/performance.md, 25).
            models.Index(fields=["name"], name="partnerships_board_by_name"),
        ]
        constraints = [
            end_not_before_start("partnerships_board"),
            models.CheckConstraint(
                condition=~models.Q(status=BoardStatus.DISSOLVED)
                | models.Q(end_date__isnull=False),
                name="partnerships_board_dissolved_has_end",
                violation_error_message="A dissolved body needs the date it ended.",
            ),
        ]

    def __str__(self):
        return self.name

    def status_text(self, on) -> str:
        """The body's status as its record states it, in words, as at ``on``: a body the papers
        only propose reads "Proposed: planned from November 2022, as proposed in <paper>",
        never as active."""
        start = format_date(self.start_date, self.start_precision)
        end = format_date(self.end_date, self.end_precision)
        paper = f", as proposed in {self.source.title}" if self.source_id else ""
        if self.status == BoardStatus.PROPOSED:
            text = f"Proposed: planned from {start}{paper}" if start else f"Proposed{paper}"
            if self.end_date:
                text += f"; planned to end {end}"
        elif self.status == BoardStatus.DISSOLVED:
            text = f"Existed from {start}; dissolved {end}" if start else f"Dissolved {end}"
        else:
            label = self.get_status_display()
            text = f"{label} from {start}" if start else label
            if self.start_date and self.start_date > on:
                text += f" (not yet on {format_date(on)})"
            if self.end_date:
                text += f"; ended {end}" if self.end_date < on else f"; to end {end}"
        return f"{text} ({self.end_reason})" if self.end_reason else text

    def existence_on(self, on) -> str | None:
        """Why the body did not exist on ``on``, in words; None when it did. The page still
        shows what the record holds, but never as the body's state on that date."""
        state = self.state_on(on)
        when = format_date(on)
        if state == "future":
            start = format_date(self.start_date, self.start_precision)
            planned = "was planned to start" if self.status == BoardStatus.PROPOSED else "started"
            return f"{self.name} did not exist yet on {when}: it {planned} {start}."
        if state == "ended":
            end = format_date(self.end_date, self.end_precision)
            return f"{self.name} no longer existed on {when}: it ended {end}."
        return None

    def after_system_ended(self, on) -> str:
        """What is known of the body after its system ended, when that was before ``on`` and the
        body's record does not end by then: the system's end, and that the body's fate is not
        recorded — never assumed ended, nor continued. Empty otherwise."""
        system = self.system
        if system is None or not system.end_date or system.end_date >= on:
            return ""
        if self.end_date and self.end_date <= system.end_date:
            return ""
        return (
            f"{system.name} ended on {format_date(system.end_date)}. What became of this body "
            "after that is not recorded."
        )

    def membership_maintained_on(self, date) -> bool:
        """Whether the registry keeps the body's membership current on ``date`` (so an empty
        seat is vacant, not merely not recorded)."""
        return (
            self.membership_maintained_from is not None and self.membership_maintained_from <= date
        )

    @property
    def allows_several_chairs(self) -> bool:
        return self.chair_model in ChairModel.allowing_several_chairs()

    def terms_in_force_on(self, date):
        return self.terms_of_reference.in_force_on(date).first()

    def clean(self):
        super().clean()
        errors = {}
        if self.status == BoardStatus.DISSOLVED and not self.end_date:
            errors["end_date"] = "Give the date a dissolved body ended."
        if self.parent_id and self.parent_id == self.pk:
            errors["parent"] = "A body cannot be its own parent."
        if errors:
            raise ValidationError(errors)
        chairs.check_chair_model(self)
