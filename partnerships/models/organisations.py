import pghistory
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import RangeOperators
from django.core.exceptions import ValidationError
from django.db import models

from icsgov.core.models import (
    CheckedModel,
    PublicDatedQuerySet,
    PublishableDatedQuerySet,
    PublishableModel,
    SluggedModel,
    SourcedModel,
    ValidityPeriod,
)
from icsgov.core.periods import Period, end_not_before_start, inclusive_range, overlapping_q
from icsgov.core.scoping import Scope
from partnerships.choices import IdentifierScheme, OrganisationKind, Sector


@pghistory.track()
class Organisation(SluggedModel, SourcedModel, PublishableModel, ValidityPeriod):
    """A partner organisation: ICB, trust, council, Healthwatch, VCSE body, national body..."""

    name = models.CharField(max_length=250, help_text="Full legal or common name.")
    short_name = models.CharField(
        max_length=60, blank=True, help_text="Common abbreviation, e.g. UHS."
    )
    sector = models.CharField(
        max_length=30, choices=Sector.choices, help_text="Sector it belongs to."
    )
    kind = models.CharField(
        max_length=40, choices=OrganisationKind.choices, help_text="Kind of organisation."
    )
    # SET_NULL: an organisation outlives a system's reorganisation; national bodies have none.
    system = models.ForeignKey(
        "places.System",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        help_text="System it mainly serves; blank for national bodies, and for a council whose "
        "system is not confirmed today.",
    )
    website = models.URLField(blank=True, help_text="Public website.")
    end_reason = models.CharField(
        max_length=300, blank=True, help_text="Why it ended, e.g. merged into another body."
    )
    predecessors = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="successors",
        help_text="Organisations it replaced.",
    )

    objects = PublishableDatedQuerySet.as_manager()

    #: National organisations (no system) are shared: any system's records may cite a published
    #: one (NHS England nominating to a seat). Other organisations belong to their system.
    system_scope = Scope("system", national=True)
    #: An organisation may succeed one of another system (ICBs merged across systems in 2026).
    cross_system_links = ("predecessors",)

    class Meta:
        ordering = ["name"]
        constraints = [end_not_before_start("partnerships_organisation")]

    def __str__(self):
        return self.name

    def code_on(self, date, scheme=IdentifierScheme.ODS):
        """The official code of ``scheme`` valid on ``date`` (codes change over time)."""
        identifier = self.identifiers.filter(scheme=scheme).as_at(date).first()
        return identifier.code if identifier else None

    def codes_on(self, date) -> dict:
        """{scheme: code} of the codes valid on ``date``, read from ``identifiers.all()`` (so a
        prefetched list answers without a query)."""
        return {
            identifier.scheme: identifier.code
            for identifier in sorted(self.identifiers.all(), key=lambda i: (i.scheme, i.code))
            if (identifier.valid_from is None or identifier.valid_from <= date)
            and (identifier.valid_to is None or identifier.valid_to >= date)
        }


class IdentifierQuerySet(PublicDatedQuerySet):
    start_field = "valid_from"
    end_field = "valid_to"


@pghistory.track()
class OrganisationIdentifier(SourcedModel, CheckedModel):
    """An official code for an organisation or its area, valid for a period."""

    # CASCADE: an identifier has no meaning without its organisation.
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="identifiers",
        help_text="Organisation the code identifies.",
    )
    scheme = models.CharField(
        max_length=10, choices=IdentifierScheme.choices, help_text="Register that issues the code."
    )
    code = models.CharField(max_length=20, help_text="The code, e.g. QRL or E54000042.")
    valid_from = models.DateField(
        "first day valid",
        null=True,
        blank=True,
        help_text="First day the code applies (inclusive).",
    )
    valid_to = models.DateField(
        "last day valid", null=True, blank=True, help_text="Last day the code applies (inclusive)."
    )
    source_note = models.TextField(
        blank=True, help_text="Where the code was found and how far it was verified."
    )

    objects = IdentifierQuerySet.as_manager()

    system_scope = Scope("organisation__system", national=True)
    date_periods = (Period("valid_from", "valid_to"),)

    class Meta:
        ordering = ["scheme", "code", "valid_from"]
        constraints = [
            end_not_before_start(
                "partnerships_organisationidentifier",
                "valid_from",
                "valid_to",
                names=("first day valid", "last day valid"),
            ),
            ExclusionConstraint(
                name="partnerships_identifier_code_unique_in_time",
                expressions=[
                    (inclusive_range("valid_from", "valid_to"), RangeOperators.OVERLAPS),
                    ("scheme", RangeOperators.EQUAL),
                    ("code", RangeOperators.EQUAL),
                ],
                violation_error_message="This code is already in use for an overlapping period.",
            ),
            ExclusionConstraint(
                name="partnerships_identifier_one_code_per_scheme_in_time",
                expressions=[
                    (inclusive_range("valid_from", "valid_to"), RangeOperators.OVERLAPS),
                    ("organisation", RangeOperators.EQUAL),
                    ("scheme", RangeOperators.EQUAL),
                ],
                violation_error_message=(
                    "This organisation already has a code in this scheme for an overlapping "
                    "period. End the old code the day before the new one applies."
                ),
            ),
        ]

    #: Ids of the organisation's saved codes being changed in the same submission (the rows of
    #: the organisation page's inline). The caller checks those rows against each other with
    #: their submitted dates, so :meth:`validate_constraints` does not hold their saved (about
    #: to change) dates against this one: ending the old code and adding the new one in one
    #: save works.
    checked_together = ()

    def __str__(self):
        return f"{self.get_scheme_display()} {self.code}"

    def get_constraints(self):
        constraints = super().get_constraints()
        if not self.checked_together:
            return constraints
        # The period rules are checked in validate_constraints() instead, leaving out the rows
        # checked together.
        return [
            (model, [c for c in cs if not isinstance(c, ExclusionConstraint)])
            for model, cs in constraints
        ]

    def validate_constraints(self, exclude=None):
        super().validate_constraints(exclude)
        if not (self.checked_together and self.scheme and self.code):
            return
        others = (
            OrganisationIdentifier.objects.exclude(pk=self.pk)
            .exclude(pk__in=self.checked_together)
            .filter(overlapping_q(self.valid_from, self.valid_to, "valid_from", "valid_to"))
        )
        clash = (
            others.filter(scheme=self.scheme, code=self.code).select_related("organisation").first()
        )
        if clash:
            raise ValidationError(
                {"code": f"{self.code} is {clash.organisation}'s code over part of that period."}
            )
        if (
            self.organisation_id
            and others.filter(organisation_id=self.organisation_id, scheme=self.scheme).exists()
        ):
            # Only a saved code of another submission's making (not among the rows here).
            raise ValidationError(
                {
                    "valid_from": "This organisation already has a code in this scheme for an "
                    "overlapping period. End the old code the day before the new one applies."
                }
            )
