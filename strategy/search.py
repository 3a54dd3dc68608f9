"""Strategies and milestones in the registry's search (icsgov.core.search)."""

from django.urls import reverse

from icsgov.core.dates import format_date
from icsgov.core.search import SearchIndex, register
from icsgov.core.visibility import shown
from strategy.choices import Scope


def milestone_page(milestone):
    """Its public strategy's page, else its system's, else the national timeline (home)."""
    strategy = shown(milestone, "strategy")
    if strategy is not None:
        return reverse("strategy:strategy", args=[strategy.slug])
    if milestone.system_id:
        return reverse("system", args=[milestone.system.slug])
    if milestone.scope == Scope.NATIONAL:
        return reverse("home")
    return None


def register_indexes():
    register(
        SearchIndex(
            kind="strategy",
            label="Strategy",
            model_path="strategy.Strategy",
            demonstration="system__is_demonstration",
            name_field="name",
            text_fields=("name", "description"),
            api_view="api:strategy-detail",
            page=lambda strategy: reverse("strategy:strategy", args=[strategy.slug]),
            where=lambda strategy: strategy.system.name,
            prefetch=("system",),
        )
    )
    register(
        SearchIndex(
            kind="milestone",
            label="Milestone",
            model_path="strategy.Milestone",
            demonstration="system__is_demonstration",
            name_field="title",
            text_fields=("title", "description"),
            api_view="api:milestone-detail",
            page=milestone_page,
            where=lambda m: format_date(m.date, m.precision, m.date_end),
            prefetch=("strategy", "system"),
        )
    )
    register(
        SearchIndex(
            kind="priority",
            label="Priority",
            model_path="strategy.Priority",
            demonstration="strategy__system__is_demonstration",
            name_field="name",
            text_fields=("name", "description"),
            api_view="api:priority-detail",
            api_kwargs=lambda priority: {"pk": priority.pk},
            page=lambda p: reverse("strategy:strategy", args=[p.strategy.slug]) + "#priorities",
            where=lambda priority: priority.strategy.name,
            prefetch=("strategy",),
        )
    )
    register(
        SearchIndex(
            kind="glossary",
            label="Glossary term",
            model_path="strategy.GlossaryTerm",
            demonstration="system__is_demonstration",
            name_field="term",
            text_fields=("term", "acronym", "explanation"),
            api_view="api:glossary-detail",
            api_kwargs=lambda term: {"pk": term.pk},
            page=lambda term: reverse("strategy:glossary") + f"#term-{term.pk}",
            where=lambda term: term.acronym,
        )
    )
