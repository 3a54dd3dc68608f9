"""Upper-tier councils in a system's area, period by period.

Under s.116ZA of the NHS Act 2006 every upper-tier council wholly or partly in an integrated
care board's area sits on its integrated care partnership, so "a system's councils as at a date"
(``partnerships.selectors.councils_on``) is what a statutory ICP's membership is checked
against. A council split between systems has a link to each, with the share of its area in each.
A link whose system no published source gives is recorded as ``unknown``, with no system and
the systems it may be in (``candidates``), never as a guess.
"""

from decimal import Decimal

import pghistory
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import RangeOperators
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from icsgov.core.dates import format_date
from icsgov.core.models import CheckedModel, PublicDatedQuerySet, SourcedModel
from icsgov.core.periods import Period, end_not_before_start, inclusive_range
from icsgov.core.scoping import Scope
from partnerships.choices import UPPER_TIER_COUNCILS, CouncilAreaStatus
from partnerships.models.organisations import Organisation


class CouncilAreaQuerySet(PublicDatedQuerySet):
    start_field = "valid_from"
    end_field = "valid_to"

    def of_system(self, system):
        """The links to ``system`` (not those that only name it as a candidate)."""
        return self.filter(system=system)

    def possibly_in(self, system):
        """Links whose system is not known and that name ``system`` as one it may be."""
        return self.filter(system__isnull=True, candidates=system)

    def as_fact(self):
        """Links presented as fact: confirmed by ONS, or derived from ONS and ODS data."""
        return self.exclude(status__in=CouncilAreaStatus.not_fact())


@pghistory.track()
class CouncilArea(SourcedModel, CheckedModel):
    """An upper-tier council (county, unitary, metropolitan borough or London borough) whose area
    is wholly or partly in a system's, for a period."""

    # CASCADE: a link has no meaning without its council or its system.
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="council_areas",
        verbose_name="council",
        help_text="The upper-tier council whose area this is.",
    )
    system = models.ForeignKey(
        "places.System",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="council_areas",
        help_text="The system whose area includes the council's (all or part of it). Blank only "
        "when no source says which system it is (status 'unknown').",
    )
    candidates = models.ManyToManyField(
        "places.System",
        blank=True,
        related_name="possible_council_areas",
        help_text="For a link whose system is not known: the systems the source says it may be "
        "(e.g. the successors of a system that was split).",
    )
    valid_from = models.DateField(
        "first day", help_text="First day the council's area is in the system's (inclusive)."
    )
    valid_to = models.DateField(
        "last day",
        null=True,
        blank=True,
        help_text="Last day the council's area is in the system's (inclusive); blank while it is.",
    )
    share_of_area = models.DecimalField(
        max_digits=5,
        decimal_places=4,
        validators=[MinValueValidator(Decimal("0.0001")), MaxValueValidator(Decimal("1"))],
        help_text="How much of the council's area is in the system: the share of its small areas "
        "(LSOAs) that the ONS lookup assigns to the ICB, from 0.0001 to 1 (all of it).",
    )
    split = models.BooleanField(
        default=False,
        help_text="The council's area is split between systems (its share here is less than all).",
    )
    status = models.CharField(
        max_length=20,
        choices=CouncilAreaStatus.choices,
        help_text="How far the link is confirmed: by ONS, derived, inferred (not confirmed by a "
        "published lookup) or unknown. Inferred and unknown links are never shown as fact.",
    )
    basis = models.TextField(
        blank=True, help_text="How the link was established, as the data set explains it."
    )

    objects = CouncilAreaQuerySet.as_manager()

    #: Public records are ended, not deleted, except by superusers (icsgov.core.scoping.may_delete).
    withdraw_instead = "A council's link to a system is ended, not deleted: give it its last day."
    #: A link belongs to its system; one whose system is not known is a national record.
    system_scope = Scope("system", national=True)
    #: A council's area may lie in several systems: any system may link to a published council.
    cross_system_links = ("organisation", "candidates")
    date_periods = (Period("valid_from", "valid_to"),)

    class Meta:
        verbose_name = "council in a system's area"
        verbose_name_plural = "councils in systems' areas"
        ordering = ["organisation__name", "valid_from"]
        constraints = [
            end_not_before_start(
                "partnerships_councilarea",
                "valid_from",
                "valid_to",
                names=("first day", "last day"),
            ),
            ExclusionConstraint(
                name="partnerships_councilarea_one_link_per_system_at_a_time",
                expressions=[
                    (inclusive_range("valid_from", "valid_to"), RangeOperators.OVERLAPS),
                    ("organisation", RangeOperators.EQUAL),
                    ("system", RangeOperators.EQUAL),
                ],
                violation_error_message=(
                    "This council is already linked to this system for an overlapping period. "
                    "End the old link the day before the new one applies."
                ),
            ),
            models.CheckConstraint(
                name="partnerships_councilarea_system_unless_unknown",
                condition=(Q(status=CouncilAreaStatus.UNKNOWN) & Q(system__isnull=True))
                | (~Q(status=CouncilAreaStatus.UNKNOWN) & Q(system__isnull=False)),
                violation_error_message=(
                    "Give the system, unless no source says which it is (status 'unknown', "
                    "with no system)."
                ),
            ),
            models.CheckConstraint(
                name="partnerships_councilarea_split_when_part",
                condition=Q(split=True) | Q(share_of_area=1),
                violation_error_message="A council with only part of its area here is split.",
            ),
        ]

    def __str__(self):
        where = self.system.name if self.system_id else "a system not known"
        return f"{self.organisation} in {where} from {format_date(self.valid_from)}"

    @property
    def is_fact(self) -> bool:
        """Whether the link is presented as fact (not inferred, not unknown)."""
        return self.status not in CouncilAreaStatus.not_fact()

    @property
    def share_text(self) -> str:
        """The share in words: 'all of it' or '87.9%' (at least 0.1% when there is any)."""
        if self.share_of_area is None:
            return ""
        if self.share_of_area >= 1:
            return "all of it"
        percent = max(self.share_of_area * 100, Decimal("0.1"))
        return f"{percent:.1f}%"

    @property
    def period_text(self) -> str:
        since = f"from {format_date(self.valid_from)}"
        return f"{since} to {format_date(self.valid_to)}" if self.valid_to else since

    def clean(self):
        super().clean()
        errors = {}
        council = self.organisation if self.organisation_id else None
        if council is not None and council.kind not in UPPER_TIER_COUNCILS:
            errors["organisation"] = (
                f"{council} is not an upper-tier council (a county, unitary authority, "
                "metropolitan borough or London borough)."
            )
        system = self.system if self.system_id else None
        if system is not None and self.valid_from:
            if system.start_date and self.valid_from < system.start_date:
                errors["valid_from"] = (
                    f"{system} starts on {format_date(system.start_date)}: a council cannot be "
                    "in its area before then."
                )
            elif system.end_date and (self.valid_to is None or self.valid_to > system.end_date):
                errors["valid_to"] = (
                    f"{system} ended on {format_date(system.end_date)}: end the link by then."
                )
        share = self.share_of_area
        if isinstance(share, int | Decimal) and share < 1 and not self.split:
            errors["split"] = "A council with only part of its area here is split."
        if errors:
            raise ValidationError(errors)
