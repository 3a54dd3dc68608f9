"""The Jinja2 environment for the public pages.

Templates come from the project and app ``jinja2/`` folders first, then from
``nhsuk-frontend-jinja``, whose NHS.UK component macros need ``ChainableUndefined``.
"""

from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader, pass_context

from icsgov.core.dates import format_date, today
from icsgov.core.glossary import link_terms, links_for
from icsgov.core.visibility import shown


def url(name, *args, **kwargs):
    return reverse(name, args=args or None, kwargs=kwargs or None)


def number(value):
    """12345 -> '12,345'; None -> ''."""
    return "" if value is None else f"{value:,}"


@pass_context
def glossary(context, text, terms=None):
    """``text`` with its acronyms linked to the glossary: the page's ``terms`` if it passes
    them, else the glossary's, asked once per request. A macro imported without the page's
    context has no request to ask once for: it links nothing rather than query per text."""
    if terms is None:
        terms = context.get("glossary_terms")
    if terms is None:
        request = context.get("request")
        terms = links_for(request) if request else {}
    return link_terms(text, terms)


def environment(**options):
    options["loader"] = ChoiceLoader([options["loader"], PackageLoader("nhsuk_frontend_jinja")])
    options["undefined"] = ChainableUndefined
    options.setdefault("autoescape", True)
    env = Environment(**options)
    env.globals.update(
        {
            "static": static,
            "url": url,
            "today": today,
            "format_date": format_date,
            # A link to a record the reader may not see is shown as nothing.
            "shown": shown,
            # Where the NHS.UK template finds its favicons and manifest.
            "asset_path": static("nhsuk/assets"),
        }
    )
    env.filters["number"] = number
    # {{ text|glossary }}: acronyms linked to their glossary entries (icsgov.core.glossary).
    env.filters["glossary"] = glossary
    return env
