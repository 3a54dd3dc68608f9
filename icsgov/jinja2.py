"""The Jinja2 environment for the public pages.

Templates come from the project and app ``jinja2/`` folders first, then from
``nhsuk-frontend-jinja``, whose NHS.UK component macros need ``ChainableUndefined``.
"""

from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader, pass_context
from jinja2.filters import do_indent
from markupsafe import Markup, escape

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


def indent(s, width=4, first=False, blank=False):
    """Jinja's ``indent`` filter, giving the same text, made as one string. The NHS.UK macros
    indent every component's HTML, nested ones again inside their parents; Jinja's filter
    makes each line a ``Markup`` and joins them as ``Markup``, escaping each piece: 7 ms of a
    board page, 11 of the home page, against under 1.3 this way (docs/performance.md, 30).
    Markup in, Markup out, the indention taken as it is given, as Jinja's filter takes it;
    anything but Markup indented by a number or a plain string (text that is not Markup, a
    subclass of either, an indention that is Markup) goes to Jinja's own."""
    if type(s) is not Markup or type(width) not in (int, str):
        return do_indent(s, width, first, blank)
    indention = width if isinstance(width, str) else " " * width
    lines = (str(s) + "\n").splitlines()  # the "\n" as Jinja adds it (a last empty line)
    if blank:
        text = ("\n" + indention).join(lines)
    else:
        text = lines.pop(0)
        if lines:
            text += "\n" + "\n".join(indention + line if line else line for line in lines)
    if first:
        text = indention + text
    return Markup(text)


_TABLE_KEYS = {"caption", "captionSize", "responsive", "head", "rows"}
_HEAD_KEYS = {"text", "format"}
_CELL_KEYS = {"text", "html", "header", "format", "href"}


def _cell_value(cell):
    html = cell.get("html")
    if html:
        return Markup(html)
    text = cell.get("text")
    return escape(text) if text else Markup("")


def nhsuk_table(params):
    """The NHS.UK frontend's table (``nhsuk/components/tables/macro.jinja``) for the plain
    tables of long pages: the same elements, classes, ``role`` attributes, responsive headings
    and escaping, made in Python rather than by the macro (whose ``nhsukAttributes`` calls and
    ``indent`` filters for every cell were most of a board page's time: docs/performance.md).
    Takes the macro's parameters for a caption (with ``captionSize``), ``responsive``, ``head``
    items (``text``, ``format``) and rows of cells (``text`` or ``html``, ``header``,
    ``format``, ``href``); any other parameter is refused, so a table needing more uses the macro.
    tests/site/test_lean_table.py checks the two give the same document."""
    unknown = set(params) - _TABLE_KEYS
    if unknown:
        raise ValueError(f"nhsuk_table does not draw {sorted(unknown)}; use the macro")
    responsive = bool(params.get("responsive"))
    head = list(params.get("head") or [])
    out = []
    out.append(
        '<table class="nhsuk-table nhsuk-table--responsive" role="table">'
        if responsive
        else '<table class="nhsuk-table">'
    )
    caption = params.get("caption")
    if caption:
        size = params.get("captionSize")
        classes = "nhsuk-table__caption" + (
            f" nhsuk-table__caption--{size}" if size in ("s", "m", "l", "xl") else ""
        )
        out.append(f'<caption class="{classes}">{escape(caption)}</caption>')
    role = ' role="rowgroup"' if responsive else ""
    row_role = ' role="row"' if responsive else ""
    formats = []
    if head:
        out.append(
            f'<thead class="nhsuk-table__head"{role}><tr class="nhsuk-table__row"{row_role}>'
        )
        for item in head:
            if set(item) - _HEAD_KEYS:
                raise ValueError(f"nhsuk_table does not draw {sorted(set(item) - _HEAD_KEYS)}")
            fmt = item.get("format")
            formats.append(fmt)
            classes = "nhsuk-table__header" + (
                " nhsuk-table__header--numeric" if fmt == "numeric" else ""
            )
            cell_role = ' role="columnheader"' if responsive else ""
            out.append(f'<th class="{classes}" scope="col"{cell_role}>{_cell_value(item)}</th>')
        out.append("</tr></thead>")
    out.append('<tbody class="nhsuk-table__body">')
    cell_role = ' role="cell"' if responsive else ""
    for row in params.get("rows") or []:
        out.append(f'<tr class="nhsuk-table__row"{row_role}>')
        for index, cell in enumerate(row):
            if set(cell) - _CELL_KEYS:
                raise ValueError(f"nhsuk_table does not draw {sorted(set(cell) - _CELL_KEYS)}")
            fmt = cell.get("format") or (formats[index] if index < len(formats) else None)
            classes = "nhsuk-table__cell" + (
                " nhsuk-table__cell--numeric" if fmt == "numeric" else ""
            )
            value = _cell_value(cell)
            if cell.get("href"):
                value = f'<a class="nhsuk-link" href="{escape(cell["href"])}">{value}</a>'
            header = cell.get("header")
            if responsive and header:
                heading = (
                    f'<span class="nhsuk-table__heading" aria-hidden="true">'
                    f"{escape(header)} </span>"
                )
                value = (
                    f"{heading}<span>{value}</span>" if cell.get("html") else f"{heading}{value}"
                )
            out.append(f'<td class="{classes}"{cell_role}>{value}</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return Markup("".join(out))


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
            # The NHS.UK table, drawn in Python for long tables (same markup as the macro).
            "nhsuk_table": nhsuk_table,
            # Where the NHS.UK template finds its favicons and manifest.
            "asset_path": static("nhsuk/assets"),
        }
    )
    env.filters["number"] = number
    env.filters["indent"] = indent
    # {{ text|glossary }}: acronyms linked to their glossary entries (icsgov.core.glossary).
    env.filters["glossary"] = glossary
    return env
