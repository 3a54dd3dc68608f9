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
    entry, with the full term as its title. Acronyms are found in the text as written, then each
    piece escaped, so an acronym never matches inside an escaped character ("&amp;")."""
    text = str(text or "")
    if not terms:
        return mark_safe(escape(text))
    pieces, last = [], 0
    for match in _pattern(frozenset(terms)).finditer(text):
        href, title = terms[match.group(1)]
        pieces += [
            escape(text[last : match.start()]),
            f'<a href="{escape(href)}" title="{escape(title)}" class="app-glossary-link">'
            f"{escape(match.group(1))}</a>",
        ]
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(str(piece) for piece in pieces))


@lru_cache(maxsize=8)
def _pattern(acronyms: frozenset):
    """One regular expression for a set of acronyms (a page links many texts with one set)."""
    words = "|".join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True))
    return re.compile(rf"\b({words})\b")
