"""The search page: the public record, over the same engine and indexes as the API's
/api/v1/search/ (icsgov.core.search), each result linked to its page."""

from django.db.models import prefetch_related_objects
from django.shortcuts import render

from icsgov.core import search as engine

#: Longest search the page accepts; real names and phrases are far shorter.
MAX_QUERY_LENGTH = 200
#: Results shown, best first.
RESULT_LIMIT = 50


def _query_error(query):
    if len(query) > MAX_QUERY_LENGTH:
        return f"Search for {MAX_QUERY_LENGTH} characters or fewer"
    if any(ord(c) < 32 for c in query):
        return "Search for letters, numbers and punctuation only"
    return None


def _result(hit):
    """A hit as the page lists it: kind, name, link to its public page (or None) and where."""
    index = engine.index_for(hit.kind)
    return {
        "kind": hit.kind,
        "label": index.label,
        "name": hit.name,
        "href": index.page(hit.object) if index.page else None,
        "where": index.where(hit.object) if index.where else "",
        "snippet": hit.snippet_html,
        "reason": hit.reason,
        "demonstration": hit.demonstration,
    }


def search(request):
    """Search the public record.

    The public pages show the public record to everyone, signed in or not, so the search does
    too: a secretariat user's unpublished records would only lead to pages that are not found.
    """
    query = request.GET.get("q", "").strip()
    error = _query_error(query)
    hits = [] if error or not query else engine.search(query, None, limit=RESULT_LIMIT)
    for index in engine.indexes():
        if index.prefetch:
            prefetch_related_objects(
                [h.object for h in hits if h.kind == index.kind], *index.prefetch
            )
    return render(
        request,
        "search.html",
        {
            "query": query,
            "header_query": query,
            "error": error,
            "results": [_result(hit) for hit in hits],
            "corrected": engine.correction(query, hits),
            "breadcrumbs": [{"href": "/", "text": "Home"}],
        },
        status=400 if error else 200,
    )
