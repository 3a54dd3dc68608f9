"""Project-wide public pages: home and the accessibility statement."""

from django.shortcuts import render

from icsgov.core.dates import today
from places.models import System
from strategy.models import Milestone
from strategy.timeline import build_timeline


def home(request):
    on = today()
    national = Milestone.objects.public().national().select_related("owner_organisation")
    return render(
        request,
        "home.html",
        {
            "systems": System.objects.real().order_by("name"),
            "demonstrations": System.objects.demonstrations().order_by("name"),
            "timeline": build_timeline(national, on),
            "on": on,
        },
    )


def accessibility(request):
    return render(request, "accessibility.html", {"breadcrumbs": [{"href": "/", "text": "Home"}]})
