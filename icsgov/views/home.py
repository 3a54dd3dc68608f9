"""Project-wide public pages: home and the accessibility statement."""

from django.shortcuts import render

from icsgov.core.dates import as_at_from, today
from places.models import System
from strategy.models import Milestone
from strategy.timeline import build_timeline


def home(request):
    """Real systems (never synthetic ones) in effect on the ``as_at`` date (default today), with
    their population and NHS region; the national timeline."""
    on, date_error = as_at_from(request.GET)
    national = Milestone.objects.public().national().select_related("owner_organisation")
    return render(
        request,
        "home.html",
        {
            "systems": System.objects.real().as_at(on).order_by("name"),
            "demonstrations": System.objects.demonstrations().order_by("name"),
            "timeline": build_timeline(national, today()),
            "on": on,
            "is_today": on == today(),
            "date_error": date_error,
        },
        status=400 if date_error else 200,
    )


def accessibility(request):
    return render(request, "accessibility.html", {"breadcrumbs": [{"href": "/", "text": "Home"}]})
