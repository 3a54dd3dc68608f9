"""Terms a page's text may link to the glossary: the app that keeps the glossary registers a
function giving {acronym: address of its entry}; pages ask :func:`links` once per page (one
query) and the ``glossary`` template filter marks each acronym in a text as a link. The
framework knows no term."""

import re
from collections.abc import Callable
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

_provider: Callable[[], dict] | None = None


def register(provider: Callable[[], dict]):
    global _provider
    _provider = provider


def links() -> dict:
    """{acronym: URL of its glossary entry} for the public glossary (empty if none kept)."""
    return _provider() if _provider else {}


def links_for(request) -> dict:
    """:func:`links`, asked once per request however many texts a page links."""
    if not hasattr(request, "_glossary_links"):
        request._glossary_links = links()
    return request._glossary_links


def link_terms(text, terms: dict) -> str:
    """``text`` escaped, each acronym of ``terms`` standing as a whole word made a link to its
    entry, with the full term as its title."""
    html = str(escape(text or ""))
    if not terms:
        return mark_safe(html)
    pattern = _pattern(frozenset(terms))

    def link(match):
        href, title = terms[match.group(1)]
        return (
            f'<a href="{escape(href)}" title="{escape(title)}" class="app-glossary-link">'
            f"{match.group(1)}</a>"
        )

    return mark_safe(pattern.sub(link, html))


@lru_cache(maxsize=8)
def _pattern(acronyms: frozenset):
    """One regular expression for a set of acronyms (a page links many texts with one set)."""
    words = "|".join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True))
    return re.compile(rf"\b({words})\b")
