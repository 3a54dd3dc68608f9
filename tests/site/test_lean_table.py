"""The board page's tables (members, seats, meetings, bodies, attendance) are drawn by
``nhsuk_table`` (icsgov/jinja2.py) rather than the NHS.UK frontend's table macro, for speed:
the same document (elements, classes, roles, responsive headings, links, escaping) as the
macro gives for the same parameters."""

import pytest
from bs4 import BeautifulSoup, NavigableString
from django.template import engines
from markupsafe import Markup

from tests import factories as f

MACRO = '{% from "nhsuk/components/tables/macro.jinja" import table %}{{ table(params) }}'


def tree(html):
    """The document as nested (tag, attributes, children), text with its spacing collapsed."""

    def node(element):
        if isinstance(element, NavigableString):
            text = " ".join(str(element).split())
            return text or None
        children = [c for c in (node(child) for child in element.children) if c is not None]
        attributes = {
            k: " ".join(v) if isinstance(v, list) else v for k, v in element.attrs.items()
        }
        return (element.name, attributes, children)

    soup = BeautifulSoup(html, "html.parser")
    return [n for n in (node(child) for child in soup.children) if n is not None]


def both(params):
    env = engines["jinja2"].env
    macro = env.from_string(MACRO).render(params=params)
    lean = env.from_string("{{ nhsuk_table(params) }}").render(params=params)
    return tree(macro), tree(lean)


HEAD = [{"text": "Seat"}, {"text": "Role"}, {"text": "Filled", "format": "numeric"}]
ROWS = [
    [
        {"html": Markup('<a href="/s/">Chair &amp; lead</a>'), "header": "Seat"},
        {"text": "Member <voting>", "header": "Role"},
        {"text": "1 of 2", "header": "Filled", "format": "numeric"},
    ],
    [
        {"text": Markup("<abbr>ICB</abbr> seat"), "header": "Seat"},
        {"text": "", "header": "Role"},
        {"html": Markup("<strong>3</strong>"), "header": "Filled"},
    ],
    [
        {"text": "Board & co", "href": "/boards/a/?as_at=2024&x=1", "header": "Seat"},
        {"html": Markup("<em>Chair</em>"), "href": "/r/", "header": "Role"},
        {"text": "2", "header": "Filled"},
    ],
]


@pytest.mark.parametrize("responsive", [True, False])
def test_the_lean_table_is_the_macros_document(responsive):
    macro, lean = both(
        {
            "caption": "Members on 1 June 2024 & after",
            "captionSize": "s",
            "responsive": responsive,
            "head": HEAD,
            "rows": ROWS,
        }
    )
    assert lean == macro
    assert macro[0][0] == "table"


def test_a_parameter_the_lean_table_does_not_draw_is_refused():
    with pytest.raises(ValueError, match="use the macro"):
        both({"head": HEAD, "rows": ROWS, "firstCellIsHeader": True})


@pytest.mark.django_db
def test_the_board_page_draws_its_members_and_seats_with_it(client):
    membership = f.MembershipFactory(person__name="Ada <Lovelace>")
    response = client.get(f"/boards/{membership.post.board.slug}/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    captions = [c.get_text(strip=True) for c in soup.select("table.nhsuk-table caption")]
    assert any(c.startswith("Members on") for c in captions) and "Seats" in captions
    members = soup.select_one("table.nhsuk-table--responsive[role=table]")
    assert members.select_one("td[role=cell] span.nhsuk-table__heading").get_text() == "Name "
    assert "Ada <Lovelace>" in members.get_text()
