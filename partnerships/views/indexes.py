"""The indexes a reader browses: every body, every person with a public appointment, every
organisation, each as at a date and filtered as the API's lists are (the same filtersets), and
an organisation's page."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import QueryDict
from django.shortcuts import get_object_or_404, render

from icsgov.core import glossary
from icsgov.core.dates import as_at_from
from partnerships.choices import BoardKind, BoardStatus, IdentifierScheme, Sector
from partnerships.filtersets import BoardFilterSet, OrganisationFilterSet, PersonFilterSet
from partnerships.models import (
    Board,
    Membership,
    Organisation,
    OrganisationIdentifier,
    Person,
    Post,
)
from partnerships.views.crumbs import HOME
from places.models import Place, System

#: Rows per page of an index.
PAGE_SIZE = 50

#: What to do about a choice the page does not know (misspelt, or not public).
CHOOSE = {
    "system": "Choose a system from the list",
    "board": "Choose a body from the list",
    "place": "Choose a place from the list",
    "kind": "Choose a kind of body from the list",
    "status": "Choose a status from the list",
    "sector": "Choose a sector from the list",
}


def _filtered(request, filterset_class, queryset, keys, **extra):
    """(rows, errors): ``queryset`` through the API's filterset with the page's choices; a choice
    it cannot use is an error for the page to show, not a server error or an empty list. The
    filters read the public record (no request user), as the public pages do for everyone."""
    data = QueryDict(mutable=True)
    for key in keys:
        data.setlist(key, [value for value in request.GET.getlist(key) if value])
    data.update(extra)
    filters = filterset_class(data, queryset=queryset, request=None)
    if filters.is_valid():
        return filters.qs, {}
    errors = {
        name: CHOOSE.get(name, " ".join(messages)) for name, messages in filters.errors.items()
    }
    return queryset.none(), errors


def _page(request, rows):
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))


def _page_query(request):
    kept = [(k, v) for k, v in request.GET.items() if k != "page" and v]
    return (urlencode(kept) + "&") if kept else ""


def _context(request, on, date_error, errors, **extra):
    return {
        "on": on,
        "date_error": date_error,
        "errors": errors,
        "values": request.GET,
        "page_query": _page_query(request),
        "systems": System.objects.real().order_by("name"),
        "breadcrumbs": [HOME],
        **extra,
    }


def _status(errors, date_error):
    return 400 if errors or date_error else 200


def body_index(request):
    """Every public body, as at a date: filter by system, kind, status and place."""
    on, date_error = as_at_from(request.GET)
    bodies = Board.objects.public().select_related("system", "place", "source")
    # Bodies in effect on the date, unless the reader asks for every body the record holds.
    in_effect = {} if request.GET.get("all") == "on" else {"as_at": on.isoformat()}
    rows, errors = _filtered(
        request, BoardFilterSet, bodies, ("system", "kind", "status", "place"), **in_effect
    )
    slug = request.GET.get("system")
    system = System.objects.public().filter(slug=slug).first() if slug and not errors else None
    places = Place.objects.public().select_related("system").order_by("system__name", "name")
    if system is not None:
        places = places.filter(system=system)
    page = _page(request, rows.order_by("system__name", "name"))
    return render(
        request,
        "partnerships/bodies.html",
        _context(
            request,
            on,
            date_error,
            errors,
            page=page,
            kinds=BoardKind.choices,
            statuses=BoardStatus.choices,
            places=places,
            system=system,
        ),
        status=_status(errors, date_error),
    )


def people_index(request):
    """Everyone with a public appointment, with their roles on the date: filter by system and
    name; ``appointed=on`` keeps only those appointed on the date."""
    on, date_error = as_at_from(request.GET)
    public = Membership.objects.public()
    people = Person.objects.public().filter(pk__in=public.values("person"))
    appointed = {"as_at": on.isoformat()} if request.GET.get("appointed") == "on" else {}
    rows, errors = _filtered(request, PersonFilterSet, people, ("system", "q"), **appointed)
    rows = rows.prefetch_related(
        Prefetch(
            "memberships",
            queryset=public.as_at(on)
            .select_related("post__board__system", "on_behalf_of")
            .order_by("post__board__name", "post__label"),
            to_attr="roles_on",
        )
    )
    page = _page(request, rows.select_related("system").order_by("sort_name", "name"))
    return render(
        request,
        "partnerships/people.html",
        # The seats' acronyms link to the glossary: its terms asked once, rows or none.
        _context(request, on, date_error, errors, page=page, glossary_terms=glossary.links()),
        status=_status(errors, date_error),
    )


def _codes_on(on):
    return Prefetch(
        "identifiers",
        queryset=OrganisationIdentifier.objects.public().as_at(on).order_by("scheme", "code"),
        to_attr="codes_on_date",
    )


def organisation_index(request):
    """Every public organisation with its codes on the date: filter by system, sector, name."""
    on, date_error = as_at_from(request.GET)
    organisations = (
        Organisation.objects.public().select_related("system").prefetch_related(_codes_on(on))
    )
    rows, errors = _filtered(
        request, OrganisationFilterSet, organisations, ("system", "sector", "q")
    )
    page = _page(request, rows.order_by("name"))
    return render(
        request,
        "partnerships/organisations.html",
        _context(request, on, date_error, errors, page=page, sectors=Sector.choices),
        status=_status(errors, date_error),
    )


def organisation_detail(request, slug):
    """An organisation: its codes with their validity, the seats it nominates to, the people
    appointed on its behalf as at a date, the bodies it convenes, its predecessors and
    successors."""
    organisation = get_object_or_404(
        Organisation.objects.public().select_related("system", "source"), slug=slug
    )
    on, date_error = as_at_from(request.GET)
    identifiers = list(
        OrganisationIdentifier.objects.public()
        .filter(organisation=organisation)
        .select_related("source")
        .order_by("scheme", "valid_from", "code")
    )
    seats = list(
        Post.objects.public()
        .filter(nominating_organisation=organisation)
        .select_related("board__system")
        .order_by("board__name", "label")
    )
    appointments = list(
        Membership.objects.public()
        .as_at(on)
        .filter(on_behalf_of=organisation)
        .select_related("person", "post__board__system")
        .order_by("post__board__name", "post__label", "person__name")
    )
    return render(
        request,
        "partnerships/organisation.html",
        {
            "organisation": organisation,
            "on": on,
            "date_error": date_error,
            "values": request.GET,
            "identifiers": identifiers,
            "schemes": dict(IdentifierScheme.choices),
            "seats": seats,
            "appointments": appointments,
            "convened": organisation.convened_boards.public()
            .select_related("system")
            .order_by("name"),
            "predecessors": organisation.predecessors.public().order_by("name"),
            "successors": organisation.successors.public().order_by("name"),
            "glossary_terms": glossary.links(),
            "breadcrumbs": [HOME, {"href": "/organisations/", "text": "Organisations"}],
        },
        status=400 if date_error else 200,
    )
