"""The Jinja2 environment for the public pages.

Templates come from the project and app ``jinja2/`` folders first, then from
``nhsuk-frontend-jinja``, whose NHS.UK component macros need ``ChainableUndefined``.
"""

from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader

from icsgov.core.dates import format_date, today
from icsgov.core.glossary import link_terms
from icsgov.core.visibility import shown


def url(name, *args, **kwargs):
    return reverse(name, args=args or None, kwargs=kwargs or None)


def number(value):
    """12345 -> '12,345'; None -> ''."""
    return "" if value is None else f"{value:,}"


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
    # {{ text|glossary(terms) }}: acronyms linked to their glossary entries (icsgov.core.glossary).
    env.filters["glossary"] = link_terms
    return env
