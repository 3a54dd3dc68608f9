"""Public pages for strategies and the glossary."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from icsgov.core.dates import today
from strategy.models import Chapter, GlossaryTerm, Strategy
from strategy.timeline import build_timeline

HOME = {"href": "/", "text": "Home"}


def strategy_detail(request, slug):
    strategy = get_object_or_404(
        Strategy.objects.public().select_related("system", "place", "owner_board", "source"),
        slug=slug,
    )
    on = today()
    milestones = strategy.milestones.public().select_related("owner_board", "owner_organisation")
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
