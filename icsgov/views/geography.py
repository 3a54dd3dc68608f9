"""Public pages for a system and a place: composite pages of the top floor, reading what the
apps own about a piece of geography (bodies, strategies) through their public querysets."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from icsgov.core.dates import today
from partnerships.models import Board, Membership
from partnerships.structure import layout, system_structure
from places.models import Place, System
from strategy.models import Strategy

HOME = {"href": "/", "text": "Home"}


def system_detail(request, slug):
    system = get_object_or_404(System.objects.public().select_related("source"), slug=slug)
    on = today()
    boards = Board.objects.public().filter(system=system).select_related("place", "parent")
    structure = system_structure(system, on)
    return render(
        request,
        "system.html",
        {
            "system": system,
            "on": on,
            "structure_tree": structure,
            "diagram": layout(structure),
            "boards": boards.order_by("name"),
            "places": system.places.order_by("name"),
            "strategies": Strategy.objects.public().filter(system=system).order_by("name"),
            "breadcrumbs": [HOME],
        },
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
            "boards": Board.objects.public().in_place(place).order_by("name"),
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
