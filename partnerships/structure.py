"""A system's structure as a tree, and that tree laid out as a diagram.

The tree is built from the data in a fixed number of queries: the bodies in effect on a date
(ICB board and its committees; the statutory ICP with its core committee and assemblies; place
bodies), and the geography (places, their areas and clusters, with cluster boards under their
clusters). Bodies that fit nowhere else are listed last, so nothing published is left out.

Each body says how sure the registry is that it stands on the date (``Node.state``): ``in_effect``
(a source says it exists, recently enough), ``planned`` (a paper only proposes it) or
``last_known`` (nothing since a source years before the date says it still exists) — drawn
differently, so a 2018 proposal does not read as today's structure.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse

from icsgov.core.dates import format_date
from icsgov.core.models import period_last_day
from partnerships.choices import BoardKind, BoardStatus
from partnerships.models import Board

IN_EFFECT, PLANNED, LAST_KNOWN = "in_effect", "planned", "last_known"


@dataclass
class Node:
    label: str
    kind: str  # css/legend key: system, icb, icp, board, place, area, cluster
    caption: str = ""
    href: str = ""
    children: list = field(default_factory=list)
    state: str = IN_EFFECT
    note: str = ""  # for a planned or last-known body: why it is drawn apart


def body_state(board, on) -> tuple[str, str]:
    """(state, note) of ``board`` on ``on``: planned, last known years before, or in effect."""
    if board.status == BoardStatus.PROPOSED:
        start = format_date(board.start_date, board.start_precision)
        return PLANNED, f"planned from {start}" if start else "planned"
    if board.end_date is None and not board.confirmed_on and board.source_id:
        stale = datetime.timedelta(days=getattr(settings, "ICSGOV_STALE_AFTER_DAYS", 365))
        known = board.known_as_of
        if known and period_last_day(known[0], known[1], board.source.date_end) + stale < on:
            return (
                LAST_KNOWN,
                f"last known {format_date(known[0], known[1], board.source.date_end)}",
            )
    return IN_EFFECT, ""


def _board_node(board, children_of, on, kind="board"):
    state, note = body_state(board, on)
    node = Node(
        board.name,
        kind,
        board.get_kind_display(),
        reverse("partnerships:board", args=[board.slug]),
        state=state,
        note=note,
    )
    node.children = [_board_node(child, children_of, on) for child in children_of.get(board.pk, [])]
    return node


def system_structure(system, on: datetime.date) -> Node:
    # From the dates alone: a dissolved body always has its end date (a CHECK constraint).
    boards = list(
        Board.objects.public()
        .filter(system=system)
        .as_at(on)
        .select_related("source")
        .order_by("name")
    )
    ids = {b.pk for b in boards}
    children_of = {}
    for b in boards:
        if b.parent_id in ids:
            children_of.setdefault(b.parent_id, []).append(b)
    top = [b for b in boards if b.parent_id not in ids]

    root = Node(system.name, "system", "Integrated Care System")
    used = set()

    def mark(board):
        used.add(board.pk)
        for child in children_of.get(board.pk, []):
            mark(child)

    for kind, css in ((BoardKind.ICB_BOARD, "icb"), (BoardKind.STATUTORY_ICP, "icp")):
        for b in top:
            if b.kind == kind:
                root.children.append(_board_node(b, children_of, on, css))
                mark(b)

    cluster_boards = {}
    for b in top:
        if b.cluster_id and b.kind == BoardKind.CLUSTER_BOARD:
            cluster_boards.setdefault(b.cluster_id, []).append(b)
    places = system.places.prefetch_related("areas", "clusters").order_by("name")
    for place in places:
        place_node = Node(place.name, "place", "Place", reverse("place", args=[place.slug]))
        for b in top:
            if b.place_id == place.pk and b.pk not in used and not b.cluster_id:
                place_node.children.append(_board_node(b, children_of, on))
                mark(b)

        def cluster_node(cluster):
            node = Node(cluster.name, "cluster", "Cluster")
            for b in cluster_boards.get(cluster.pk, []):
                node.children.append(_board_node(b, children_of, on))
                mark(b)
            return node

        clusters = sorted(place.clusters.all(), key=lambda c: (c.number or 0, c.name))
        for area in sorted(place.areas.all(), key=lambda a: a.name):
            area_node = Node(area.name, "area", "Area")
            area_node.children = [cluster_node(c) for c in clusters if c.area_id == area.pk]
            place_node.children.append(area_node)
        place_node.children += [cluster_node(c) for c in clusters if c.area_id is None]
        root.children.append(place_node)

    others = [b for b in top if b.pk not in used]
    if others:
        other = Node("Other bodies", "group", "Not tied to one place")
        other.children = [_board_node(b, children_of, on) for b in others]
        root.children.append(other)
    return root


@dataclass
class Box:
    node: Node
    x: int
    y: int
    width: int
    depth: int
    height: int = 30

    #: True when the note is drawn on a second line (the wide drawing).
    @property
    def two_lines(self) -> bool:
        return self.height > 30


@dataclass
class Diagram:
    boxes: list
    lines: list  # (x1, y1, x2, y2)
    width: int
    height: int


INDENT, ROW, BOX_HEIGHT, CHAR, PAD = 28, 40, 30, 7.4, 16


def layout(root: Node) -> Diagram:
    """An indented tree: each node a box on its own row, joined to its parent by an elbow.
    It grows downwards, so it stays readable on a phone whatever the number of clusters."""
    boxes, lines = [], []

    def place(node, depth, parent_box):
        text = len(node.label) + (len(node.note) + 3 if node.note else 0)
        box = Box(node, depth * INDENT + 2, len(boxes) * ROW + 2, int(text * CHAR) + PAD, depth)
        boxes.append(box)
        if parent_box is not None:
            x = parent_box.x + 12
            mid = box.y + BOX_HEIGHT // 2
            lines.append((x, parent_box.y + BOX_HEIGHT, x, mid))
            lines.append((x, mid, box.x, mid))
        for child in node.children:
            place(child, depth + 1, box)

    place(root, 0, None)
    width = max(b.x + b.width for b in boxes) + 4
    return Diagram(boxes, lines, width, len(boxes) * ROW + 4)


#: The width a desktop page gives the drawing (the NHS.UK page is 960 px less its gutters).
WIDE = 920
#: Gaps between blocks side by side and between their rows, the space between a box and its
#: children, the most leaves in one column, and a box with its note on a second line.
GAP, DROP, COLUMN_ROWS, NOTED_HEIGHT = 24, 16, 6, 46


#: Advance widths of Arial (the NHS.UK font's fallback) per 1,000 units of the font size, by
#: character class: narrow letters and punctuation, capitals, wide letters, and the rest.
_NARROW, _CAPITAL, _WIDE, _OTHER = 280, 690, 860, 540
_NARROW_CHARACTERS = set("ijlftrI.,;:'!|() -")
_WIDE_CHARACTERS = set("mwMW@")


def text_width(text: str, size: int = 14, bold: bool = False) -> int:
    """An estimate of ``text``'s width in pixels at ``size`` (bold about 8% wider): enough that a
    box holds its text, close enough that branches fit side by side."""
    units = 0
    for character in text:
        if character in _NARROW_CHARACTERS:
            units += _NARROW
        elif character in _WIDE_CHARACTERS:
            units += _WIDE
        elif character.isupper() or character.isdigit():
            units += _CAPITAL
        else:
            units += _OTHER
    return int(units * size / 1000 * (1.08 if bold else 1) + 0.5)


def _wide_box(node, x=0, y=0, depth=0) -> Box:
    """A box for the wide drawing: a note (planned, last known) goes on a second line, so long
    names do not push the branches apart."""
    label = text_width(node.label, 14, bold=node.kind == "system")
    note = text_width(f"({node.note})", 12) if node.note else 0
    return Box(node, x, y, max(label, note) + PAD, depth, NOTED_HEIGHT if node.note else BOX_HEIGHT)


def wide_layout(root: Node, width: int = WIDE) -> Diagram:
    """The same tree for a desktop page: branches side by side wherever they fit in ``width``.

    Each node's children are laid out as blocks below it. Children that have children of their
    own (the ICB, the ICP, places, areas) flow left to right and wrap to a new row, joined to
    their parent by a bus line above each row. Children that are all leaves (committees,
    clusters) stay a list, split into columns of at most ``COLUMN_ROWS`` when the width allows,
    so twenty clusters read as short columns, not one long one. A block wider than the page (a
    very long name) sits alone on its row and the drawing scrolls.
    """

    def leaf_columns(leaves, columns):
        per_column = -(-len(leaves) // columns)
        return [leaves[i : i + per_column] for i in range(0, len(leaves), per_column)]

    def block(node, room):
        """(boxes, lines, width, height) of ``node``'s subtree, its own box at (0, 0)."""
        own = _wide_box(node)
        boxes, lines = [own], []
        if not node.children:
            return boxes, lines, own.width, own.height
        inner = max(room - INDENT, 0)
        first = own.height + DROP
        if all(not child.children for child in node.children):
            leaves = [_wide_box(child) for child in node.children]
            # As many columns as fit (each as wide as its widest box), no more than needed.
            columns = 1
            for n in range(-(-len(leaves) // COLUMN_ROWS), 1, -1):
                split = leaf_columns(leaves, n)
                needed = sum(max(b.width for b in c) for c in split) + (len(split) - 1) * (
                    GAP + INDENT
                )
                if needed <= inner:
                    columns = n
                    break
            x, height, previous_trunk = INDENT, first, None
            for column in leaf_columns(leaves, columns):
                trunk = x - INDENT + 12
                if previous_trunk is None:
                    lines.append((trunk, own.height, trunk, first - 8))
                else:
                    lines.append((previous_trunk, first - 8, trunk, first - 8))
                y, previous_mid = first, first - 8
                for leaf in column:
                    boxes.append(Box(leaf.node, x, y, leaf.width, 1, leaf.height))
                    mid = y + leaf.height // 2
                    lines.append((trunk, previous_mid, trunk, mid))
                    lines.append((trunk, mid, x, mid))
                    previous_mid, y = mid, y + leaf.height + (ROW - BOX_HEIGHT)
                height = max(height, y - (ROW - BOX_HEIGHT))
                previous_trunk = trunk
                x += max(b.width for b in column) + GAP + INDENT
            return boxes, lines, max(own.width, x - GAP - INDENT), height
        # Blocks side by side, wrapped into rows; a bus line above each row.
        children = [block(child, inner) for child in node.children]
        placed, rows = [], []
        x, y, row_height = INDENT, first, 0
        for child_boxes, child_lines, w, h in children:
            if x > INDENT and x + w > room:
                y += row_height + GAP
                x, row_height = INDENT, 0
            if not rows or rows[-1][0] != y:
                rows.append((y, []))
            rows[-1][1].append(x)
            placed.append((child_boxes, child_lines, w, h, x, y))
            x += w + GAP
            row_height = max(row_height, h)
        above = own.height
        for row_y, xs in rows:
            bus = row_y - 8
            lines.append((12, above, 12, bus))
            lines.append((12, bus, xs[-1] + 12, bus))
            lines += [(cx + 12, bus, cx + 12, row_y) for cx in xs]
            above = bus
        width_used, height = own.width, own.height
        for child_boxes, child_lines, w, h, cx, cy in placed:
            boxes += [
                Box(b.node, b.x + cx, b.y + cy, b.width, b.depth + 1, b.height) for b in child_boxes
            ]
            lines += [(x1 + cx, y1 + cy, x2 + cx, y2 + cy) for x1, y1, x2, y2 in child_lines]
            width_used, height = max(width_used, cx + w), max(height, cy + h)
        return boxes, lines, width_used, height

    boxes, lines, used, height = block(root, width)
    boxes = [Box(b.node, b.x + 2, b.y + 2, b.width, b.depth, b.height) for b in boxes]
    lines = [(x1 + 2, y1 + 2, x2 + 2, y2 + 2) for x1, y1, x2, y2 in lines]
    return Diagram(boxes, lines, used + 4, height + 4)
