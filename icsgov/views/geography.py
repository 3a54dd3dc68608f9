"""Public pages for the systems and a place: composite pages of the top floor, reading what the
apps own about a piece of geography (the ICB and its codes, the councils in its area, bodies,
strategies) through their public querysets and read models, as at a date."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from icsgov.core.dates import as_at_from, today
from partnerships.choices import BoardKind, BoardStatus
from partnerships.models import Board, Membership
from partnerships.selectors import icbs_of
from partnerships.structure import layout, system_structure, wide_layout
from places.choices import NHSRegion, SystemEnding
from places.models import Place, System
from strategy.models import Milestone, Strategy
from strategy.timeline import build_timeline

HOME = {"href": "/", "text": "Home"}
SYSTEMS = {"href": "/systems/", "text": "Systems"}


def with_successions(systems):
    """``systems`` with their public predecessors and successors (two queries)."""
    public = System.objects.real().order_by("name")
    return systems.prefetch_related(
        Prefetch("predecessors", queryset=public), Prefetch("successors", queryset=public)
    )


def describe(system, icb, on):
    """What the pages show of a system as at ``on``: its ICB and the ICB's codes then, and its
    predecessors and successors, each with the day the change took effect."""
    return {
        "system": system,
        "state": system.state_on(on),
        "icb": icb,
        "codes": icb.codes_on(on) if icb else {},
        "predecessors": [
            {
                "system": p,
                "date": p.change_date,
                "part": p.end_kind == SystemEnding.SPLIT,
            }
            for p in system.predecessors.all()
        ],
        "successors": [{"system": s, "date": system.change_date} for s in system.successors.all()],
    }


def system_index(request):
    """Every real system in England as at a date, by NHS region if asked."""
    on, date_error = as_at_from(request.GET)
    region = request.GET.get("region", "")
    if region not in NHSRegion.values:
        region = ""
    systems = System.objects.real().order_by("name")
    if region:
        systems = systems.filter(region=region)
    systems = list(with_successions(systems))
    icbs = icbs_of(systems)
    rows = [describe(s, icbs.get(s.pk), on) for s in systems]
    return render(
        request,
        "systems.html",
        {
            "on": on,
            "is_today": on == today(),
            "date_error": date_error,
            "region": region,
            "region_name": NHSRegion(region).label if region else "",
            "regions": NHSRegion.choices,
            "current": [row for row in rows if row["state"] == "current"],
            "ended": [row for row in rows if row["state"] == "ended"],
            "future": [row for row in rows if row["state"] == "future"],
            "breadcrumbs": [HOME, SYSTEMS],
        },
        status=400 if date_error else 200,
    )


#: The bodies a reader looks for first on a system page: its statutory and place boards.
LEADING_KINDS = (
    BoardKind.ICB_BOARD,
    BoardKind.STATUTORY_ICP,
    BoardKind.ICP_CORE_COMMITTEE,
    BoardKind.PLACE_PARTNERSHIP_BOARD,
    BoardKind.HEALTH_AND_WELLBEING_BOARD,
)


def _bodies_by_weight(boards, on):
    """A system's bodies as its page lists them: the ICB, ICP and place boards in effect on the
    date first; the other bodies in effect; then those ended, not yet started or only proposed,
    which the page keeps folded away."""
    leading, others, elsewhere = [], [], []
    for board in boards:
        if board.status == BoardStatus.PROPOSED or board.state_on(on) != "current":
            elsewhere.append(board)
        elif board.kind in LEADING_KINDS:
            leading.append(board)
        else:
            others.append(board)
    leading.sort(key=lambda b: (LEADING_KINDS.index(b.kind), b.name))
    return {"leading_boards": leading, "other_boards": others, "elsewhere_boards": elsewhere}


def system_detail(request, slug):
    system = get_object_or_404(
        with_successions(System.objects.public().select_related("source")), slug=slug
    )
    on, date_error = as_at_from(request.GET)
    icb = icbs_of([system]).get(system.pk)
    boards = (
        Board.objects.public().filter(system=system).select_related("place", "parent", "source")
    )
    structure = system_structure(system, on)
    return render(
        request,
        "system.html",
        {
            **describe(system, icb, on),
            "on": on,
            "is_today": on == today(),
            "date_error": date_error,
            "icb_codes": sorted(icb.identifiers.all(), key=lambda i: (i.scheme, i.valid_from or on))
            if icb
            else [],
            "councils": system.councils_on(on),
            "structure_tree": structure,
            "diagram": layout(structure),
            "wide_diagram": wide_layout(structure),
            **_bodies_by_weight(boards.order_by("name"), on),
            # Milestones of the system that no published strategy holds: its own timeline.
            "timeline": build_timeline(
                Milestone.objects.public()
                .filter(system=system)
                .exclude(strategy__in=Strategy.objects.public())
                .select_related("owner_organisation"),
                on,
            ),
            "places": system.places.order_by("name"),
            "strategies": Strategy.objects.public().filter(system=system).order_by("name"),
            "breadcrumbs": [HOME, SYSTEMS],
        },
        status=400 if date_error else 200,
    )


def place_detail(request, slug):
    place = get_object_or_404(Place.objects.public().select_related("system", "source"), slug=slug)
    leads = {}
    for m in Membership.objects.public().cluster_leads(place, today()):
        leads.setdefault(m.post.board.cluster_id, []).append(m.person)
    return render(
        request,
        "place.html",
        {
            "place": place,
            "areas": place.areas.order_by("name"),
            "clusters": place.clusters.select_related("area").order_by("area__name", "number"),
            "leads": leads,
            "boards": Board.objects.public()
            .in_place(place)
            .select_related("source")
            .order_by("name"),
            "strategies": Strategy.objects.public().filter(place=place).order_by("name"),
            "breadcrumbs": [
                HOME,
                {
                    "href": reverse("system", args=[place.system.slug]),
                    "text": place.system.name,
                },
            ],
        },
    )
