"""The sources pages: every document the registry draws on, and for each what the registry takes
from it — a composite page of the top floor, reading the records of every app that cite it."""

from dataclasses import dataclass

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from icsgov.core import registry
from icsgov.core.models import Source
from icsgov.core.visibility import visible

PAPERS = settings.BASE_DIR / "icsgov" / "seed" / "papers"
#: Records listed per kind on a source's page (the count is always given in full).
SHOWN_PER_KIND = 60
HOME = {"href": "/", "text": "Home"}
SOURCES = {"href": "/sources/", "text": "Sources"}


def _page(name, *args):
    return reverse(name, args=args)


def _strategy_or_system(milestone):
    if milestone.strategy_id and milestone.strategy.is_published:
        return _page("strategy:strategy", milestone.strategy.slug)
    if milestone.system_id:
        return _page("system", milestone.system.slug)
    return _page("home")


#: model label -> (what to call them, related rows to fetch, the page a record is on)
KINDS = {
    "places.system": ("Systems", (), lambda o: _page("system", o.slug)),
    "places.place": ("Places", (), lambda o: _page("place", o.slug)),
    "places.area": ("Areas", ("place",), lambda o: _page("place", o.place.slug)),
    "places.cluster": ("Clusters", ("place",), lambda o: _page("place", o.place.slug)),
    "places.footprint": ("Footprints", ("system",), lambda o: _page("system", o.system.slug)),
    "partnerships.organisation": ("Organisations", (), None),
    "partnerships.organisationidentifier": ("Official codes", ("organisation",), None),
    "partnerships.board": ("Bodies", (), lambda o: _page("partnerships:board", o.slug)),
    "partnerships.person": ("People", (), lambda o: _page("partnerships:person", o.slug)),
    "partnerships.post": ("Seats", ("board",), lambda o: _page("partnerships:board", o.board.slug)),
    "partnerships.membership": (
        "Appointments",
        ("person", "post__board"),
        lambda o: _page("partnerships:board", o.post.board.slug),
    ),
    "partnerships.termsofreference": (
        "Terms of reference",
        ("board",),
        lambda o: _page("partnerships:board", o.board.slug),
    ),
    "partnerships.termsclause": (
        "Terms of reference clauses",
        ("terms__board",),
        lambda o: _page("partnerships:board", o.terms.board.slug),
    ),
    "partnerships.principle": (
        "Principles",
        ("board",),
        lambda o: _page("partnerships:board", o.board.slug),
    ),
    "partnerships.meeting": ("Meetings", (), lambda o: _page("partnerships:meeting", o.slug)),
    "partnerships.meetingpaper": (
        "Meeting papers",
        ("meeting",),
        lambda o: _page("partnerships:meeting", o.meeting.slug),
    ),
    "partnerships.decision": (
        "Decisions",
        ("meeting",),
        lambda o: _page("partnerships:meeting", o.meeting.slug),
    ),
    "partnerships.agreement": ("Agreements", ("system",), lambda o: _page("system", o.system.slug)),
    "strategy.strategy": ("Strategies", (), lambda o: _page("strategy:strategy", o.slug)),
    "strategy.chapter": (
        "Strategy chapters",
        ("strategy",),
        lambda o: _page("strategy:strategy", o.strategy.slug),
    ),
    "strategy.priority": (
        "Priorities",
        ("strategy",),
        lambda o: _page("strategy:strategy", o.strategy.slug),
    ),
    "strategy.milestone": ("Milestones", ("strategy", "system"), _strategy_or_system),
    "strategy.developmentitem": (
        "Development plan items",
        ("place", "board"),
        lambda o: (
            _page("place", o.place.slug)
            if o.place_id
            else _page("partnerships:board", o.board.slug)
        ),
    ),
    "strategy.maturitytimeline": (
        "Maturity timelines",
        ("system",),
        lambda o: _page("system", o.system.slug),
    ),
    "strategy.glossaryterm": ("Glossary terms", (), lambda o: _page("strategy:glossary")),
}


@dataclass
class Cited:
    label: str
    count: int
    records: list  # (text, href or None, section)


def cited_models():
    """Registry models that cite a source (``source``), in the order the apps declare them."""
    return [
        m
        for m in registry.registry_models()
        if any(f.name == "source" for f in m._meta.concrete_fields)
    ]


def what_it_gives(source) -> list[Cited]:
    """The public records taken from ``source``, by kind: one count and one list query per kind
    of record, whatever the number of records."""
    found = []
    for model in cited_models():
        label, related, page = KINDS.get(
            model._meta.label_lower, (str(model._meta.verbose_name_plural).capitalize(), (), None)
        )
        rows = visible(model._default_manager.filter(source=source), None)
        count = rows.count()
        if not count:
            continue
        shown = rows.select_related(*related)[:SHOWN_PER_KIND] if related else rows[:SHOWN_PER_KIND]
        found.append(
            Cited(
                label,
                count,
                [(str(r), page(r) if page else None, r.source_section) for r in shown],
            )
        )
    return found


def source_list(request):
    sources = visible(Source.objects.all(), None).order_by("date", "title")
    return render(
        request,
        "sources.html",
        {"sources": sources, "breadcrumbs": [HOME]},
    )


def source_detail(request, slug):
    source = get_object_or_404(visible(Source.objects.all(), None), slug=slug)
    return render(
        request,
        "source.html",
        {
            "source": source,
            "has_paper": bool(source.file_name) and (PAPERS / source.file_name).is_file(),
            "cited": what_it_gives(source),
            "breadcrumbs": [HOME, SOURCES],
        },
    )


def source_paper(request, slug):
    """The text of a paper shipped with the registry (icsgov/seed/papers/)."""
    source = get_object_or_404(visible(Source.objects.all(), None), slug=slug)
    path = PAPERS / source.file_name if source.file_name else None
    if path is None or path.parent != PAPERS or not path.is_file():
        raise Http404("This source has no paper shipped with the registry.")
    return FileResponse(path.open("rb"), content_type="text/plain; charset=utf-8")
