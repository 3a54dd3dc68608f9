from dataclasses import dataclass

import pghistory
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import ArrayField, RangeOperators
from django.db import models
from django.db.models import Q

from icsgov.core.models import (
    CheckedModel,
    DatedQuerySet,
    PublicQuerySet,
    SluggedModel,
    SourcedModel,
)
from icsgov.core.periods import Period, end_not_before_start, inclusive_range
from icsgov.core.scoping import Scope
from partnerships.choices import ClauseTopic, OrganisationKind, Sector, TermsStatus
from partnerships.rules import terms as terms_rules


class TermsQuerySet(DatedQuerySet, PublicQuerySet):
    start_field = "in_force_from"
    end_field = "in_force_to"

    def ratified(self):
        return self.filter(status=TermsStatus.RATIFIED)

    def in_force_on(self, date):
        return self.ratified().as_at(date)

    def review_overdue(self, date):
        """Versions in force on ``date`` whose review date has passed."""
        return self.in_force_on(date).filter(review_date__lt=date)

    def history(self):
        """Versions latest first, as the board page lists them."""
        return self.order_by("-in_force_from", "-version")


@dataclass
class ClauseChange:
    change: str  # "added", "removed" or "changed"
    title: str
    old: str
    new: str


@dataclass
class VersionChanges:
    previous: object
    changes: list


def compare_clauses(old_clauses, new_clauses, previous) -> VersionChanges:
    def key(clause):
        return (clause.topic, (clause.heading or "").strip().lower())

    old = {key(c): c for c in old_clauses}
    new = {key(c): c for c in new_clauses}
    changes = []
    for k, clause in new.items():
        title = clause.heading or clause.get_topic_display()
        if k not in old:
            changes.append(ClauseChange("added", title, "", clause.text))
        elif old[k].text.strip() != clause.text.strip():
            changes.append(ClauseChange("changed", title, old[k].text, clause.text))
    for k, clause in old.items():
        if k not in new:
            title = clause.heading or clause.get_topic_display()
            changes.append(ClauseChange("removed", title, clause.text, ""))
    return VersionChanges(previous, changes)


@pghistory.track()
class TermsOfReference(SluggedModel, SourcedModel, CheckedModel):
    """One version of a body's terms of reference. Drafts are ratified at a meeting; only one
    ratified version of a body is in force on any date."""

    slug_source = "slug_basis"

    # PROTECT: versions are the body's constitutional record.
    board = models.ForeignKey(
        "partnerships.Board",
        verbose_name="body",
        on_delete=models.PROTECT,
        related_name="terms_of_reference",
        help_text="Body the terms of reference govern.",
    )
    version = models.CharField(max_length=40, help_text="Version label, e.g. '1.0' or '2022-07'.")
    title = models.CharField(max_length=250, blank=True, help_text="Title of the document.")
    status = models.CharField(
        max_length=20,
        choices=TermsStatus.choices,
        default=TermsStatus.DRAFT,
        help_text="Draft, ratified (may be in force) or withdrawn. Drafts are never public.",
    )
    in_force_from = models.DateField(
        "first day in force",
        null=True,
        blank=True,
        help_text="First day in force (inclusive). Ratified versions only.",
    )
    in_force_to = models.DateField(
        "last day in force",
        null=True,
        blank=True,
        help_text="Last day in force (inclusive); blank while in force.",
    )
    approved_on = models.DateField(null=True, blank=True, help_text="Date it was ratified.")
    approval_meeting = models.ForeignKey(
        "partnerships.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="terms_approved",
        help_text="Meeting that ratified it.",
    )
    review_date = models.DateField(null=True, blank=True, help_text="Date it is due for review.")
    membership_count = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Number of members the version states (for quorum)."
    )
    voting_membership_count = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Number of voting members the version states."
    )
    quorum = models.CharField(
        max_length=250, blank=True, help_text="Quorum rule as written, e.g. 'half the members'."
    )
    quorum_number = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Quorum as a number of members, where it is one."
    )
    # The quorum rule, structured (partnerships.quorum computes each held meeting's quoracy).
    quorum_percent = models.PositiveSmallIntegerField(
        "quorum as a share (%)",
        null=True,
        blank=True,
        help_text="Quorum as a share of the members, in per cent (50 for half), rounded up to "
        "whole members; with a number too, both must be met.",
    )
    quorum_voting_only = models.BooleanField(
        "quorum counts voting members only",
        default=True,
        help_text="Only voting members count towards the quorum (and its share).",
    )
    quorum_sectors = ArrayField(
        models.CharField(max_length=30, choices=Sector.choices),
        default=list,
        blank=True,
        help_text="Sectors at least one member of each must be present from (the sector of the "
        "organisation they represent), e.g. local government.",
    )
    quorum_organisation_kinds = ArrayField(
        models.CharField(max_length=40, choices=OrganisationKind.choices),
        default=list,
        blank=True,
        help_text="Kinds of organisation at least one member of each must be present from, "
        "e.g. integrated care board.",
    )
    substitutes_allowed = models.BooleanField(
        null=True,
        blank=True,
        help_text="Whether a member may send a substitute or deputy; blank if the terms do not "
        "say.",
    )
    substitutes_count_for_quorum = models.BooleanField(
        "substitutes count towards the quorum",
        null=True,
        blank=True,
        help_text="Whether a substitute or deputy counts towards the quorum; blank if the terms "
        "do not say.",
    )
    substitutes_vote = models.BooleanField(
        null=True,
        blank=True,
        help_text="Whether a substitute or deputy may vote; blank if the terms do not say.",
    )
    attendance_expectation_percent = models.PositiveSmallIntegerField(
        "attendance expected (%)",
        null=True,
        blank=True,
        help_text="Share of a calendar year's meetings each member is expected to attend, in "
        "per cent (e.g. 75).",
    )
    document_url = models.URLField(blank=True, help_text="Link to the published document.")
    is_published = models.BooleanField(
        default=True, help_text="Ratified versions marked for publication are public."
    )
    based_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="revisions",
        help_text="Earlier version this one was drafted from.",
    )

    objects = TermsQuerySet.as_manager()

    #: Public records are ended or withdrawn, not deleted, except by superusers
    #: (icsgov.core.scoping.may_delete); what to do instead:
    withdraw_instead = (
        "Terms of reference are withdrawn, not deleted: set the version's status to withdrawn."
    )
    system_scope = Scope("board__system")
    date_periods = (Period("in_force_from", "in_force_to"),)

    #: Ids of saved versions being changed in the same submission (the rows of the board
    #: page's inline), whose submitted dates the caller checks against this one: their saved
    #: dates are about to change, so :meth:`clean` does not hold them against it.
    checked_together = ()

    class Meta:
        verbose_name = "terms of reference"
        verbose_name_plural = "terms of reference"
        ordering = ["board__name", "-in_force_from", "version"]
        constraints = [
            end_not_before_start(
                "partnerships_termsofreference",
                "in_force_from",
                "in_force_to",
                names=("first day in force", "last day in force"),
            ),
            models.UniqueConstraint(
                fields=["board", "version"], name="partnerships_terms_unique_version"
            ),
            models.CheckConstraint(
                condition=~Q(status=TermsStatus.RATIFIED) | Q(in_force_from__isnull=False),
                name="partnerships_terms_ratified_has_start",
                violation_error_message="A ratified version needs the date it comes into force.",
            ),
            models.CheckConstraint(
                condition=Q(quorum_percent__isnull=True)
                | Q(quorum_percent__gte=1, quorum_percent__lte=100),
                name="partnerships_terms_quorum_percent_range",
                violation_error_message=terms_rules.PERCENT_RANGE,
            ),
            models.CheckConstraint(
                condition=Q(attendance_expectation_percent__isnull=True)
                | Q(attendance_expectation_percent__gte=1, attendance_expectation_percent__lte=100),
                name="partnerships_terms_attendance_percent_range",
                violation_error_message=terms_rules.PERCENT_RANGE,
            ),
            models.CheckConstraint(
                condition=Q(quorum_sectors__contained_by=Sector.values),
                name="partnerships_terms_quorum_sectors_known",
                violation_error_message="Choose sectors from the list.",
            ),
            models.CheckConstraint(
                condition=Q(quorum_organisation_kinds__contained_by=OrganisationKind.values),
                name="partnerships_terms_quorum_kinds_known",
                violation_error_message="Choose kinds of organisation from the list.",
            ),
            ExclusionConstraint(
                name="partnerships_terms_one_in_force",
                expressions=[
                    (inclusive_range("in_force_from", "in_force_to"), RangeOperators.OVERLAPS),
                    ("board", RangeOperators.EQUAL),
                ],
                condition=Q(status=TermsStatus.RATIFIED),
                violation_error_message=(
                    "Another ratified version of this body's terms of reference is in force "
                    "over part of that period."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.board} terms of reference v{self.version}"

    @property
    def slug_basis(self):
        return f"{self.board.slug} tor {self.version}" if self.board_id else self.version

    @property
    def is_public(self) -> bool:
        return self.status == TermsStatus.RATIFIED and self.is_published

    def previous_public_version(self):
        """The public version in force before this one (drafts and unpublished versions are
        skipped: the public never sees them, so changes are described against what they saw)."""
        return (
            TermsOfReference.objects.filter(
                board_id=self.board_id, in_force_from__lt=self.in_force_from
            )
            .public()
            .order_by("-in_force_from")
            .first()
            if self.in_force_from
            else None
        )

    def changes_from_previous(self):
        """What changed since the previous public version, clause by clause, matched by topic
        and heading. None when there is no earlier public version."""
        previous = self.previous_public_version()
        return self.changes_since(previous) if previous else None

    def changes_since(self, other) -> "VersionChanges":
        """What changed from ``other`` (any version of the same body) to this one."""
        return compare_clauses(list(other.clauses.all()), list(self.clauses.all()), other)

    def is_in_force_on(self, date) -> bool:
        return (
            self.status == TermsStatus.RATIFIED
            and self.in_force_from is not None
            and self.in_force_from <= date
            and (self.in_force_to is None or self.in_force_to >= date)
        )

    @property
    def has_quorum_rule(self) -> bool:
        return bool(
            self.quorum_number
            or self.quorum_percent
            or self.quorum_sectors
            or self.quorum_organisation_kinds
        )

    @property
    def quorum_rule_text(self) -> str:
        """The structured quorum rule in words; empty when there is none."""
        if not self.has_quorum_rule:
            return ""
        noun = "voting members" if self.quorum_voting_only else "members"
        parts = []
        if self.quorum_number:
            parts.append(f"at least {self.quorum_number} {noun}")
        if self.quorum_percent:
            parts.append(f"at least {self.quorum_percent}% of the {noun}")
        parts += [f"a {Sector(s).label.lower()} member" for s in self.quorum_sectors]
        parts += [
            f"a member from {OrganisationKind(k).label.lower()}"
            for k in self.quorum_organisation_kinds
        ]
        if self.substitutes_count_for_quorum is not None:
            parts.append(
                "substitutes count"
                if self.substitutes_count_for_quorum
                else "substitutes do not count"
            )
        return "; ".join(parts)

    def clean(self):
        super().clean()
        terms_rules.check_terms(self)
        terms_rules.check_quorum_rule(self)


@pghistory.track()
class TermsClause(SourcedModel):
    """A numbered clause of a terms-of-reference version, classified by topic."""

    # CASCADE: clauses are part of their version.
    terms = models.ForeignKey(
        TermsOfReference,
        on_delete=models.CASCADE,
        related_name="clauses",
        help_text="Version the clause belongs to.",
    )
    order = models.PositiveSmallIntegerField(help_text="Position of the clause in the document.")
    topic = models.CharField(
        max_length=30, choices=ClauseTopic.choices, help_text="What the clause is about."
    )
    heading = models.CharField(max_length=250, blank=True, help_text="Clause heading.")
    text = models.TextField(help_text="Clause text.")

    objects = PublicQuerySet.as_manager()

    system_scope = Scope("terms__board__system")

    class Meta:
        verbose_name = "terms of reference clause"
        ordering = ["terms", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["terms", "order"], name="partnerships_clause_unique_order"
            )
        ]

    def __str__(self):
        return f"{self.order}. {self.heading or self.get_topic_display()}"


@pghistory.track()
class Principle(SourcedModel):
    """A principle a body adopted, e.g. one of HIOW's 10 partnership principles."""

    # CASCADE: principles have no meaning without the body that adopted them.
    board = models.ForeignKey(
        "partnerships.Board",
        verbose_name="body",
        on_delete=models.CASCADE,
        related_name="principles",
        help_text="Body that adopted the principle.",
    )
    number = models.PositiveSmallIntegerField(help_text="Its number in the adopted list.")
    title = models.CharField(
        max_length=250, help_text="The short statement, e.g. 'learning system'."
    )
    text = models.TextField(help_text="The principle in full.")
    adopted_on = models.DateField(null=True, blank=True, help_text="Date it was adopted.")

    objects = PublicQuerySet.as_manager()

    system_scope = Scope("board__system")

    class Meta:
        ordering = ["board", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "number"], name="partnerships_principle_unique_number"
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"
