"""Glossaries: terms and acronyms as the papers explain them."""

from dataclasses import dataclass, field

import pghistory
from django.db import models

from icsgov.core.models import PublicQuerySet, SourcedModel
from icsgov.core.scoping import Scope


def _normal(term: str) -> str:
    """A term compared loosely: case, spacing and a plural 's' aside."""
    text = " ".join(term.casefold().split())
    return text[:-1] if text.endswith("s") else text


@dataclass
class GlossaryEra:
    """A term's meaning in the papers of one year (the year of their source)."""

    year: int | None
    definitions: list = field(default_factory=list)

    @property
    def label(self) -> str:
        if self.year is None:
            return "In papers of a date not recorded"
        return f"In papers of {self.year}"


@dataclass
class GlossaryEntry:
    """One headword (the acronym, else the term) and its meanings, era by era."""

    headword: str
    eras: list = field(default_factory=list)

    @property
    def letter(self) -> str:
        first = self.headword[:1].upper()
        return first if first.isalpha() else "#"

    @property
    def anchor(self) -> str:
        return "entry-" + "-".join(
            "".join(c for c in self.headword.lower() if c.isalnum() or c == " ").split()
        )

    @property
    def terms(self) -> list[str]:
        """The terms in full, once each, when the headword is an acronym."""
        seen = []
        for era in self.eras:
            for term in era.definitions:
                if term.term != self.headword and term.term not in seen:
                    seen.append(term.term)
        return seen


class GlossaryQuerySet(PublicQuerySet):
    def acronym_links(self) -> dict:
        """{acronym: (its entry's address on the glossary page, the term in full)}, one query."""
        from django.urls import reverse

        page = reverse("strategy:glossary")
        found = {}
        for acronym, term in self.exclude(acronym="").values_list("acronym", "term"):
            if acronym.isupper() and acronym not in found:
                entry = GlossaryEntry(acronym)
                found[acronym] = (f"{page}#{entry.anchor}", term)
        return found

    def entries(self) -> list[GlossaryEntry]:
        """The terms as a glossary reads them: alphabetical, one entry per headword, its meanings
        told apart by the year of the papers that give them (the 2018 local 'integrated care
        partnerships' and the statutory ICP of 2022 are one headword, two eras). A term without
        an acronym shares the headword of the same term with one ('Integrated care
        partnerships' of 2018 is under ICP)."""
        terms = list(self.select_related("system", "source"))
        acronyms = {_normal(t.term): t.acronym for t in terms if t.acronym}
        grouped: dict[str, dict] = {}
        headwords: dict[str, str] = {}
        for t in terms:
            headword = t.acronym or acronyms.get(_normal(t.term)) or t.term
            key = headword.casefold()
            headwords.setdefault(key, headword)
            year = t.source.date.year if t.source_id and t.source.date else None
            grouped.setdefault(key, {}).setdefault(year, []).append(t)
        entries = []
        for key, by_year in grouped.items():
            eras = [
                GlossaryEra(year, sorted(defs, key=lambda t: (t.system is not None, t.term)))
                for year, defs in sorted(
                    by_year.items(), key=lambda item: (item[0] is None, item[0] or 0)
                )
            ]
            entries.append(GlossaryEntry(headwords[key], eras))
        return sorted(entries, key=lambda e: e.headword.casefold())


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
    objects = GlossaryQuerySet.as_manager()

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
