"""Public pages for strategies and the glossary."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from icsgov.core.dates import today
from strategy.choices import STRATEGY_KINDS_RECONSIDERED
from strategy.models import Chapter, GlossaryTerm, NeedsAssessment, Strategy
from strategy.timeline import build_timeline

HOME = {"href": "/", "text": "Home"}


def strategy_detail(request, slug):
    strategy = get_object_or_404(
        Strategy.objects.public().select_related("system", "place", "owner_board", "source"),
        slug=slug,
    )
    on = today()
    milestones = strategy.milestones.public().select_related("owner_board", "owner_organisation")
    reconsidered = strategy.kind in STRATEGY_KINDS_RECONSIDERED
    # s116ZB(6): the assessments the partnership received, and each time it reconsidered.
    assessments = (
        NeedsAssessment.objects.public()
        .filter(system=strategy.system)
        .select_related("council", "health_and_wellbeing_board")
        .order_by("received_on", "title")
        if reconsidered
        else NeedsAssessment.objects.none()
    )
    return render(
        request,
        "strategy/strategy.html",
        {
            "strategy": strategy,
            "priorities": strategy.priorities.order_by("order"),
            "chapters": Chapter.objects.public()
            .filter(strategy=strategy)
            .select_related("place", "owner_board", "overseen_by")
            .order_by("number"),
            "timeline": build_timeline(milestones, on),
            "reconsidered": reconsidered,
            "assessments": assessments,
            "reconsiderations": strategy.reconsiderations.order_by("considered_on"),
            "on": on,
            "breadcrumbs": [
                HOME,
                {
                    "href": reverse("system", args=[strategy.system.slug]),
                    "text": strategy.system.name,
                },
            ],
        },
    )


def glossary(request):
    entries = GlossaryTerm.objects.public().entries()
    letters = sorted({entry.letter for entry in entries})
    return render(
        request,
        "strategy/glossary.html",
        {"entries": entries, "letters": letters, "breadcrumbs": [HOME]},
    )
