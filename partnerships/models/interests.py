"""Registers of interests, gifts and hospitality (NHS England, "Managing conflicts of interest in
the NHS"): what members declare to the body they sit on, what they declare at a meeting, and the
gifts and hospitality they are offered. Rules: partnerships/rules/interests.py."""

import datetime

import pghistory
from django.db import models
from django.db.models import DateField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.db.models.functions import Coalesce

from icsgov.core.dates import DatePrecision, format_date
from icsgov.core.models import CheckedModel, PublishableQuerySet, SourcedModel
from icsgov.core.periods import Period, end_not_before_start
from icsgov.core.scoping import Scope
from partnerships.choices import (
    DeclarationOccasion,
    GiftKind,
    GiftOutcome,
    InterestCategory,
    InterestType,
    MeetingDeclarationAction,
    WithheldReason,
)
from partnerships.rules import interests as interest_rules


class InterestQuerySet(PublishableQuerySet):
    # public(): published, not withheld, of a public person's public appointment
    # (partnerships.visibility); withheld entries are counted, never shown (withheld_public).

    def for_register(self):
        return self.select_related(
            "person", "membership__post__board", "organisation", "source"
        ).order_by("person__sort_name", "person__name", "-declared_on", "pk")

    def of_board(self, board):
        return self.filter(membership__post__board=board)

    def current_on(self, date):
        """Entries not ended by ``date`` (an interest ended before it is history)."""
        return self.filter(Q(interest_to__isnull=True) | Q(interest_to__gte=date))

    def as_at(self, date):
        """The register as it stood on ``date``: declared by then, and not ended before it."""
        return self.current_on(date).filter(declared_on__lte=date)

    def with_review_due(self):
        every = datetime.timedelta(days=interest_rules.thresholds()["REVIEW_EVERY_DAYS"])
        return self.annotate(
            review_due=Coalesce(
                "review_by",
                ExpressionWrapper(F("declared_on") + every, output_field=DateField()),
            )
        )

    def latest_per_appointment(self):
        """Each appointment's latest declaration (its entries declared on the last date)."""
        later = Interest.objects.filter(
            membership=OuterRef("membership"), declared_on__gt=OuterRef("declared_on")
        )
        return self.exclude(Exists(later))

    def review_overdue(self, date):
        """The latest declarations of appointments in effect on ``date`` whose review fell due
        before it: the member has not declared (or confirmed a nil return) since."""
        from icsgov.core.periods import in_effect_q

        return (
            self.latest_per_appointment()
            .filter(in_effect_q(date, prefix="membership__"))
            .with_review_due()
            .filter(review_due__lt=date)
        )


@pghistory.track()
class Interest(SourcedModel):
    """One entry in a register of interests: an interest a person declares to the body whose
    seat they hold (through their appointment), or a nil return declaring none."""

    # PROTECT on both: a register is a public record of who declared what.
    person = models.ForeignKey(
        "partnerships.Person",
        on_delete=models.PROTECT,
        related_name="interests",
        help_text="Person declaring.",
    )
    membership = models.ForeignKey(
        "partnerships.Membership",
        verbose_name="appointment",
        on_delete=models.PROTECT,
        related_name="interests",
        help_text="The declaring person's appointment: the seat and body it is declared to.",
    )
    occasion = models.CharField(
        max_length=20,
        choices=DeclarationOccasion.choices,
        default=DeclarationOccasion.NEW_INTEREST,
        help_text="Why it was declared: on appointment, at the annual review, a new interest, "
        "or a change of role.",
    )
    is_nil_return = models.BooleanField(
        "nil return",
        default=False,
        help_text="The member declares no interests (a nil return): no category or description.",
    )
    category = models.CharField(
        max_length=30,
        choices=InterestCategory.choices,
        blank=True,
        help_text="Financial, non-financial professional, non-financial personal or indirect.",
    )
    interest_type = models.CharField(
        "type of interest",
        max_length=30,
        choices=InterestType.choices,
        blank=True,
        help_text="NHS England's kind of interest, e.g. outside employment, shareholdings.",
    )
    description = models.TextField(blank=True, help_text="The interest, as declared.")
    # PROTECT: the register names the organisation; it cannot vanish from under it.
    organisation = models.ForeignKey(
        "partnerships.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="declared_interests",
        help_text="Organisation the interest is in or with, if it is in the registry.",
    )
    organisation_name = models.CharField(
        max_length=250,
        blank=True,
        help_text="The organisation's name when it is not in the registry (e.g. a company).",
    )
    interest_from = models.DateField(
        "interest from",
        null=True,
        blank=True,
        help_text="When the interest arose; for an imprecise date, the first day of its period. "
        "Blank if not known.",
    )
    from_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the start of the interest is known.",
    )
    interest_to = models.DateField(
        "interest to",
        null=True,
        blank=True,
        help_text="When the interest ended; blank while it continues. Ending an interest is "
        "how it leaves the current register.",
    )
    to_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the end of the interest is known.",
    )
    action_taken = models.TextField(
        blank=True,
        help_text="How the conflict is managed, e.g. 'will not take part in decisions on the "
        "community services contract'.",
    )
    declared_on = models.DateField("date declared", help_text="When the declaration was made.")
    review_by = models.DateField(
        "review by",
        null=True,
        blank=True,
        help_text="When it is next reviewed; blank for the default (a year after declared).",
    )
    is_published = models.BooleanField(
        "published",
        default=False,
        help_text="A new entry starts unpublished, seen by the secretariat only, until they "
        "publish it in the register.",
    )
    is_withheld = models.BooleanField(
        "withheld",
        default=False,
        help_text="Withheld from the published register: the register shows that an entry "
        "was withheld and why, never what it is.",
    )
    withheld_reason = models.CharField(
        max_length=20,
        choices=WithheldReason.choices,
        blank=True,
        help_text="Why it is withheld (required when withheld); published with the count.",
    )
    withheld_note = models.TextField(
        blank=True,
        help_text="Private: the secretariat's note on the decision to withhold. Never published.",
    )

    objects = InterestQuerySet.as_manager()

    #: Public records are ended or withdrawn, not deleted, except by superusers
    #: (icsgov.core.scoping.may_delete); what to do instead:
    withdraw_instead = (
        "Declarations are not deleted: the register keeps what was declared. End an interest "
        "that has ended by giving its end date ('interest to'), or unpublish an entry recorded "
        "in error."
    )
    system_scope = Scope("membership__post__board__system")
    #: An interest may be in an organisation of another system (a trust, a council): its
    #: public record may be cited.
    cross_system_links = ("organisation",)
    date_periods = (
        Period("interest_from", "interest_to", "from_precision", "to_precision"),
        Period("declared_on", "review_by"),
    )
    private_fields = ("withheld_note",)

    class Meta:
        verbose_name = "declaration of interest"
        verbose_name_plural = "declarations of interest"
        ordering = ["person__sort_name", "person__name", "-declared_on", "pk"]
        constraints = [
            end_not_before_start(
                "partnerships_interest",
                "interest_from",
                "interest_to",
                names=("interest from", "interest to"),
            ),
            end_not_before_start(
                "partnerships_interest_review",
                "declared_on",
                "review_by",
                names=("date declared", "review by"),
            ),
            models.CheckConstraint(
                condition=(
                    Q(is_nil_return=True, category="", interest_type="", description="")
                    | (
                        Q(is_nil_return=False)
                        & ~Q(category="")
                        & ~Q(interest_type="")
                        & ~Q(description="")
                    )
                ),
                name="partnerships_interest_nil_or_described",
                violation_error_message=(
                    "An interest has a category, a type and a description; a nil return has none."
                ),
            ),
            models.CheckConstraint(
                condition=(Q(is_withheld=True) & ~Q(withheld_reason=""))
                | Q(is_withheld=False, withheld_reason=""),
                name="partnerships_interest_withheld_has_reason",
                violation_error_message=(
                    "A withheld entry needs the reason it is withheld, and only a withheld one "
                    "has one."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(is_nil_return=True, is_withheld=True),
                name="partnerships_interest_nil_not_withheld",
                violation_error_message="A nil return has nothing to withhold.",
            ),
        ]

    def __str__(self):
        what = "Nil return" if self.is_nil_return else self.get_interest_type_display()
        return f"{self.person} — {what} ({format_date(self.declared_on)})"

    @property
    def related_to(self) -> str:
        return self.organisation.name if self.organisation_id else self.organisation_name

    @property
    def period(self) -> str:
        start = format_date(self.interest_from, self.from_precision)
        end = format_date(self.interest_to, self.to_precision)
        if start and end:
            return f"{start} to {end}"
        if start:
            return f"from {start}"
        if end:
            return f"until {end}"
        return ""

    @property
    def review_due_on(self):
        return interest_rules.review_due(self.declared_on, self.review_by)

    def clean(self):
        super().clean()
        interest_rules.check_interest(self)


@pghistory.track()
class MeetingDeclaration(CheckedModel):
    """An interest declared at a meeting, against the agenda item it bears on, with what the
    member did (left the room, did not vote, took part)."""

    # CASCADE: a declaration at a meeting is part of the meeting's record.
    meeting = models.ForeignKey(
        "partnerships.Meeting",
        on_delete=models.CASCADE,
        related_name="declarations",
        help_text="Meeting at which it was declared.",
    )
    # SET_NULL: the minute stands if the agenda is later corrected (its reference remains).
    agenda_item = models.ForeignKey(
        "partnerships.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="declarations",
        help_text="The item of this meeting's agenda the interest bears on, when the agenda is "
        "recorded.",
    )
    item_reference = models.CharField(
        "agenda item as minuted",
        max_length=100,
        blank=True,
        help_text="The agenda item as the minutes number it, e.g. 'item 5' (needed when the "
        "agenda is not recorded).",
    )
    # PROTECT: who declared is part of the public record of the meeting.
    person = models.ForeignKey(
        "partnerships.Person",
        on_delete=models.PROTECT,
        related_name="meeting_declarations",
        help_text="Person declaring.",
    )
    # SET_NULL: the minute stands if the register entry is later corrected.
    interest = models.ForeignKey(
        Interest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_declarations",
        help_text="The register entry it refers to, if it is on the register.",
    )
    description = models.TextField(help_text="The interest declared, as minuted.")
    action = models.CharField(
        max_length=20,
        choices=MeetingDeclarationAction.choices,
        help_text="What the member did: left the room, did not vote, or took part.",
    )
    notes = models.CharField(max_length=250, blank=True, help_text="Anything else minuted.")
    is_published = models.BooleanField(
        "published",
        default=True,
        help_text="Declarations at public meetings are minuted publicly; unpublish one recorded "
        "in error.",
    )

    objects = PublishableQuerySet.as_manager()

    #: Public records are ended or withdrawn, not deleted, except by superusers
    #: (icsgov.core.scoping.may_delete); what to do instead:
    withdraw_instead = (
        "A declaration at a meeting is part of its record: correct it, or unpublish one "
        "recorded in error."
    )
    system_scope = Scope("meeting__board__system")

    class Meta:
        ordering = ["meeting", "item_reference", "person__name"]

    def __str__(self):
        return f"{self.person} — {self.item}"

    @property
    def item(self) -> str:
        """The item as a reader knows it: the agenda's number and title, or as minuted."""
        if self.agenda_item_id:
            item = self.agenda_item
            return f"item {item.number or item.order}, {item.title}"
        return self.item_reference

    def clean(self):
        super().clean()
        interest_rules.check_meeting_declaration(self)


class GiftQuerySet(PublishableQuerySet):
    def for_register(self):
        return self.select_related(
            "person", "membership__post__board", "giver_organisation", "source"
        ).order_by("-date", "person__sort_name", "person__name", "pk")

    def of_board(self, board):
        return self.filter(membership__post__board=board)

    def as_at(self, date):
        """The register as it stood on ``date``: entries offered by then."""
        return self.filter(date__lte=date)


@pghistory.track()
class GiftOrHospitality(SourcedModel):
    """An entry in the register of gifts and hospitality: offered to a member, accepted or
    declined, from whom, worth what, approved by whom."""

    # PROTECT on both: the register is a public record.
    person = models.ForeignKey(
        "partnerships.Person",
        on_delete=models.PROTECT,
        related_name="gifts_and_hospitality",
        help_text="Person offered it.",
    )
    membership = models.ForeignKey(
        "partnerships.Membership",
        verbose_name="appointment",
        on_delete=models.PROTECT,
        related_name="gifts_and_hospitality",
        help_text="The person's appointment: the body whose register it is on.",
    )
    kind = models.CharField(
        max_length=20, choices=GiftKind.choices, help_text="A gift, or hospitality."
    )
    outcome = models.CharField(
        max_length=20,
        choices=GiftOutcome.choices,
        help_text="Accepted (received), or declined (offered only).",
    )
    description = models.TextField(help_text="What was offered, e.g. 'dinner at a conference'.")
    # PROTECT: the register names who offered it.
    giver_organisation = models.ForeignKey(
        "partnerships.Organisation",
        verbose_name="from organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gifts_and_hospitality_given",
        help_text="Who offered it, if in the registry.",
    )
    giver_name = models.CharField(
        "from",
        max_length=250,
        blank=True,
        help_text="Who offered it, when not in the registry (a company, a person).",
    )
    is_from_supplier = models.BooleanField(
        "from a supplier",
        null=True,
        blank=True,
        help_text="Whether the giver supplies or may supply the organisation (a contractor); "
        "blank if not known.",
    )
    value_gbp = models.DecimalField(
        "estimated value (GBP)",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Estimated value in pounds; blank if not known.",
    )
    date = models.DateField(help_text="When it was offered.")
    date_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the date is known.",
    )
    declared_on = models.DateField(
        "date declared", null=True, blank=True, help_text="When it was declared."
    )
    approved_by = models.CharField(
        max_length=250,
        blank=True,
        help_text="Who approved accepting it (name and role), where approval was needed.",
    )
    approved_on = models.DateField(null=True, blank=True, help_text="When it was approved.")
    notes = models.TextField(blank=True, help_text="Anything else, e.g. given to charity.")
    is_published = models.BooleanField(
        "published",
        default=False,
        help_text="A new entry starts unpublished, seen by the secretariat only, until they "
        "publish it in the register.",
    )

    objects = GiftQuerySet.as_manager()

    #: Public records are ended or withdrawn, not deleted, except by superusers
    #: (icsgov.core.scoping.may_delete); what to do instead:
    withdraw_instead = (
        "Register entries are not deleted: correct the entry, or unpublish one recorded in error."
    )
    system_scope = Scope("membership__post__board__system")
    #: A giver may be an organisation of another system: its public record may be cited.
    cross_system_links = ("giver_organisation",)

    class Meta:
        verbose_name = "gift or hospitality"
        verbose_name_plural = "gifts and hospitality"
        ordering = ["-date", "person__name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value_gbp__isnull=True) | Q(value_gbp__gte=0),
                name="partnerships_gift_value_not_negative",
                violation_error_message="The estimated value cannot be negative.",
            ),
            models.CheckConstraint(
                condition=Q(giver_organisation__isnull=False) | ~Q(giver_name=""),
                name="partnerships_gift_has_giver",
                violation_error_message="Say who offered it.",
            ),
            models.CheckConstraint(
                condition=Q(approved_on__isnull=True) | ~Q(approved_by=""),
                name="partnerships_gift_approval_names_approver",
                violation_error_message="Say who approved it, as well as when.",
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.get_kind_display()}: {self.description[:60]}"

    @property
    def giver(self) -> str:
        return self.giver_organisation.name if self.giver_organisation_id else self.giver_name

    @property
    def when(self) -> str:
        return format_date(self.date, self.date_precision)

    def clean(self):
        super().clean()
        interest_rules.check_gift(self)
