"""Glossaries: terms and acronyms as the papers explain them."""

import pghistory
from django.db import models

from icsgov.core.models import PublicQuerySet, SourcedModel
from icsgov.core.scoping import Scope


@pghistory.track()
class GlossaryTerm(SourcedModel):
    """A term or acronym as a paper explains it."""

    system = models.ForeignKey(
        "places.System",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="glossary",
        help_text="System whose paper defines it; blank for national terms.",
    )
    term = models.CharField(max_length=250, help_text="The term in full.")
    acronym = models.CharField(max_length=40, blank=True, help_text="Its acronym, if any.")
    explanation = models.TextField(help_text="What it means.")

    # public(): national terms and terms from real systems' papers.
    objects = PublicQuerySet.as_manager()

    #: National terms (no system) are shared: every staff user sees them.
    system_scope = Scope("system", national=True)

    class Meta:
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(
                fields=["system", "term"],
                name="strategy_glossary_unique_term",
                nulls_distinct=False,
            )
        ]

    def __str__(self):
        return f"{self.term} ({self.acronym})" if self.acronym else self.term
