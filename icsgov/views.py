"""Project-wide public pages: home, search, accessibility statement, and the error pages."""

from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import render
from django.urls import reverse

from icsgov.dates import format_date
from icsgov.models import today
from icsgov.search import search as search_registry
from places.models import System
from strategy.choices import Scope
from strategy.models import Milestone, Strategy
from strategy.timeline import build_timeline

#: Longest search the page accepts; real names and phrases are far shorter.
MAX_QUERY_LENGTH = 200
#: Results shown, best first.
RESULT_LIMIT = 50


def home(request):
    on = today()
    national = Milestone.objects.public().national().select_related("owner_organisation")
    return render(
        request,
        "home.html",
        {
            "systems": System.objects.real().order_by("name"),
            "timeline": build_timeline(national, on),
            "on": on,
        },
    )


# Search -----------------------------------------------------------------------------------------

#: What each kind of result needs to build its link and context, fetched once per kind.
_RESULT_PREFETCHES = {
    "board": ("system",),
    "place": ("system",),
    "cluster": ("place__system",),
    "strategy": ("system",),
    "milestone": (
        Prefetch("strategy", queryset=Strategy.objects.public(), to_attr="public_strategy"),
        "system",
    ),
}
KIND_LABELS = {
    "person": "Person",
    "organisation": "Organisation",
    "board": "Body",
    "place": "Place",
    "cluster": "Cluster",
    "strategy": "Strategy",
    "milestone": "Milestone",
}


def _query_error(query):
    if len(query) > MAX_QUERY_LENGTH:
        return f"Search for {MAX_QUERY_LENGTH} characters or fewer"
    if any(ord(c) < 32 for c in query):
        return "Search for letters, numbers and punctuation only"
    return None


def _result(hit):
    """A hit as the page lists it: kind, name, link to its public page (or None) and where."""
    obj, href, where = hit.object, None, ""
    if hit.kind == "person":
        href = reverse("partnerships:person", args=[obj.slug])
    elif hit.kind == "organisation":
        where = obj.short_name or ""  # no organisation page yet: shown without a link
    elif hit.kind == "board":
        href, where = reverse("partnerships:board", args=[obj.slug]), obj.system.name
    elif hit.kind == "place":
        href, where = reverse("places:place", args=[obj.slug]), obj.system.name
    elif hit.kind == "cluster":
        href = reverse("places:place", args=[obj.place.slug])
        where = f"{obj.place.name}, {obj.place.system.name}"
    elif hit.kind == "strategy":
        href, where = reverse("strategy:strategy", args=[obj.slug]), obj.system.name
    elif hit.kind == "milestone":
        where = format_date(obj.date, obj.precision, obj.date_end)
        if obj.public_strategy:
            href = reverse("strategy:strategy", args=[obj.public_strategy.slug])
        elif obj.system:
            href = reverse("places:system", args=[obj.system.slug])
        elif obj.scope == Scope.NATIONAL:
            href = reverse("home")  # the national timeline
    return {
        "kind": hit.kind,
        "label": KIND_LABELS[hit.kind],
        "name": hit.name,
        "href": href,
        "where": where,
    }


def search(request):
    """Search the public record, over the same index as the API's /api/v1/search/.

    The public pages show the public record to everyone, signed in or not, so the search does
    too: a secretariat user's unpublished records would only lead to pages that are not found.
    """
    query = request.GET.get("q", "").strip()
    error = _query_error(query)
    hits = [] if error or not query else search_registry(query, None, limit=RESULT_LIMIT)
    for kind, lookups in _RESULT_PREFETCHES.items():
        prefetch_related_objects([h.object for h in hits if h.kind == kind], *lookups)
    return render(
        request,
        "search.html",
        {
            "query": query,
            "error": error,
            "results": [_result(hit) for hit in hits],
            "breadcrumbs": [{"href": "/", "text": "Home"}],
        },
        status=400 if error else 200,
    )


def accessibility(request):
    return render(request, "accessibility.html", {"breadcrumbs": [{"href": "/", "text": "Home"}]})


def page_not_found(request, exception):
    return render(
        request,
        "404.html",
        {"breadcrumbs": [{"href": "/", "text": "Home"}]},
        status=404,
    )


def server_error(request):
    # No database, no request context: the error may be the database itself.
    return render(request, "500.html", status=500)
