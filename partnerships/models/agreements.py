import pghistory
from django.db import models

from icsgov.core.models import PublicDatedQuerySet, SluggedModel, SourcedModel, ValidityPeriod
from icsgov.core.periods import end_not_before_start
from icsgov.core.scoping import Scope
from partnerships.choices import AgreementKind, AgreementStatus


@pghistory.track()
class Agreement(SluggedModel, SourcedModel, ValidityPeriod):
    """An instrument binding partners: a section 75 agreement, pooled budget, MOU, alliance."""

    name = models.CharField(max_length=250, help_text="Name of the agreement.")
    kind = models.CharField(
        max_length=30, choices=AgreementKind.choices, help_text="Kind of instrument."
    )
    system = models.ForeignKey(
        "places.System",
        on_delete=models.PROTECT,
        related_name="agreements",
        help_text="System the agreement is in.",
    )
    overseen_by = models.ForeignKey(
        "partnerships.Board",
        verbose_name="overseen by",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
        help_text="Body that oversees the agreement.",
    )
    parties = models.ManyToManyField(
        "partnerships.Organisation",
        blank=True,
        related_name="agreements",
        help_text="Organisations bound by it.",
    )
    value_gbp = models.PositiveBigIntegerField(
        null=True, blank=True, help_text="Value in pounds, where the source gives one."
    )
    value_note = models.CharField(
        max_length=200, blank=True, help_text="The value as the source words it, e.g. 'c.£140m'."
    )
    status = models.CharField(
        max_length=20,
        choices=AgreementStatus.choices,
        default=AgreementStatus.ACTIVE,
        help_text="Proposed, active or ended.",
    )

    objects = PublicDatedQuerySet.as_manager()

    system_scope = Scope("system")
    same_system_links = ("overseen_by",)

    class Meta:
        ordering = ["system__name", "name"]
        constraints = [end_not_before_start("partnerships_agreement")]

    def __str__(self):
        return self.name
