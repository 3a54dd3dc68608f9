"""The structure drawings (partnerships.structure): the wide one puts branches side by side
within a desktop page, the narrow one is a single column for a phone; in both every body is drawn
once, no two boxes overlap, and every box but the system's is joined to the tree."""

import datetime

import pytest

from partnerships.structure import WIDE, Node, layout, system_structure, wide_layout
from tests.helpers.systems import build_system

pytestmark = pytest.mark.django_db


def overlapping(diagram):
    boxes = diagram.boxes
    return [
        (a.node.label, b.node.label)
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a.x < b.x + b.width
        and b.x < a.x + a.width
        and a.y < b.y + b.height
        and b.y < a.y + a.height
    ]


def national_like_tree():
    """A system with a long-named ICB, an ICP with committees, and places of many clusters."""
    places = [
        Node(
            f"Place {p}",
            "place",
            children=[
                Node(
                    f"Area {p}{a}",
                    "area",
                    children=[Node(f"Cluster {p}{a}{c}", "cluster") for c in range(9)],
                )
                for a in range(3)
            ],
        )
        for p in range(4)
    ]
    icp = Node(
        "An Integrated Care Partnership",
        "icp",
        children=[
            Node("Core committee", "board"),
            Node("Assembly", "board", note="planned from July 2022"),
        ],
    )
    icb = Node("NHS Somewhere and Elsewhere Integrated Care Board", "icb")
    return Node("Somewhere", "system", children=[icb, icp, *places])


def test_the_wide_drawing_puts_branches_side_by_side_within_the_page():
    tree = national_like_tree()

    wide, narrow = wide_layout(tree), layout(tree)

    assert wide.width <= WIDE + 4
    assert wide.height < narrow.height / 2
    by_label = {b.node.label: b for b in wide.boxes}
    # The ICB and the ICP on one row; a place's areas side by side; an area's nine clusters in
    # two columns (of at most six).
    assert (
        by_label["NHS Somewhere and Elsewhere Integrated Care Board"].y
        == by_label["An Integrated Care Partnership"].y
    )
    assert by_label["Area 00"].y == by_label["Area 01"].y < by_label["Cluster 000"].y
    assert by_label["Cluster 005"].y == by_label["Cluster 000"].y
    assert by_label["Cluster 005"].x > by_label["Cluster 000"].x
    # A planned body's note is on its own line, inside its box.
    assert by_label["Assembly"].two_lines and not by_label["Core committee"].two_lines


@pytest.mark.parametrize("arrange", [layout, wide_layout], ids=["narrow", "wide"])
def test_every_node_is_drawn_once_without_overlap_and_joined(arrange):
    tree = national_like_tree()

    diagram = arrange(tree)

    def count(node):
        return 1 + sum(count(c) for c in node.children)

    assert len(diagram.boxes) == count(tree)
    assert overlapping(diagram) == []
    # Every box below the system's has a line ending at its edge (its elbow or drop).
    for box in diagram.boxes[1:]:
        assert any(
            (x2 == box.x and box.y <= y2 <= box.y + box.height)
            or (y2 == box.y and box.x <= x2 <= box.x + box.width)
            for _, _, x2, y2 in diagram.lines
        ), box.node.label


def test_a_name_wider_than_the_page_sits_alone_and_the_drawing_scrolls():
    long = Node(
        "A body whose name is far longer than anything a desktop page can hold on one line " * 2,
        "board",
        children=[Node("Its group", "board")],
    )
    tree = Node(
        "System", "system", children=[Node("Short", "board", children=[Node("x", "board")]), long]
    )

    diagram = wide_layout(tree)

    by_label = {b.node.label: b for b in diagram.boxes}
    assert diagram.width > WIDE
    assert by_label[long.label].y > by_label["Short"].y
    assert overlapping(diagram) == []


def test_the_system_page_sends_both_drawings_and_each_links_its_boxes(client):
    system, icb, *_ = build_system()

    html = client.get("/systems/hiow/").content.decode()

    assert html.count('class="app-diagram app-diagram--wide"') == 1
    assert html.count('class="app-diagram app-diagram--narrow"') == 1
    assert html.count(f'<a href="/boards/{icb.slug}/" tabindex="-1"') == 2
    # Distinct ids, so each drawing's title names it.
    assert 'aria-labelledby="structure-wide-title structure-wide-desc"' in html
    assert 'aria-labelledby="structure-title structure-desc"' in html


def test_seed_systems_draw_without_overlap(seeded):
    from places.models import System

    for system in System.objects.filter(is_synthetic=False):
        tree = system_structure(system, datetime.date(2023, 6, 1))
        assert overlapping(wide_layout(tree)) == [], system.slug
