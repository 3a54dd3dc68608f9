"""A body's published registers of interests, gifts and hospitality: the page and its CSV and
JSON downloads, under the Open Government Licence (partnerships.registers)."""

import csv
import io

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from icsgov.core.dates import today
from partnerships.models import Board
from partnerships.registers import (
    GIFT_COLUMNS,
    INTEREST_COLUMNS,
    LICENCE,
    LICENCE_TEXT,
    gift_row,
    interest_row,
    register_of_board,
)
from partnerships.views.crumbs import HOME, system_crumb

#: The two downloads of a body's register: interests (with the withheld count) and gifts.
REGISTERS = {"interests": "interests", "gifts-and-hospitality": "gifts and hospitality"}


def _board(slug):
    return get_object_or_404(Board.objects.public().select_related("system"), slug=slug)


def board_register(request, slug):
    board = _board(slug)
    return render(
        request,
        "partnerships/register.html",
        {
            "board": board,
            "register": register_of_board(board),
            "licence": LICENCE,
            "breadcrumbs": [
                HOME,
                system_crumb(board.system),
                {"href": reverse("partnerships:board", args=[board.slug]), "text": board.name},
            ],
        },
    )


def _download(slug, which):
    if which not in REGISTERS:
        raise Http404("No such register.")
    board = _board(slug)
    register = register_of_board(board)
    if which == "interests":
        return board, register, [interest_row(i) for i in register.interests]
    return board, register, [gift_row(g) for g in register.gifts]


def _licensed(response):
    response["Link"] = f'<{LICENCE["url"]}>; rel="license"'
    return response


def board_register_csv(request, slug, which):
    board, register, rows = _download(slug, which)
    interests = which == "interests"
    columns = [*(INTEREST_COLUMNS if interests else GIFT_COLUMNS), "licence"]
    if interests:
        columns[-1:-1] = ["withheld", "withheld_reason"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {**row, **({"withheld": "no"} if interests else {}), "licence": LICENCE_TEXT}
        )
    # Withheld entries, last and in no one's name: that they exist and why, never what they are.
    for reason, count in register.withheld if interests else ():
        for _ in range(count):
            writer.writerow(
                {
                    "body": board.name,
                    "withheld": "yes",
                    "withheld_reason": reason,
                    "licence": LICENCE_TEXT,
                }
            )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{board.slug}-{which}-{today().isoformat()}.csv"'
    )
    return _licensed(response)


def board_register_json(request, slug, which):
    board, register, rows = _download(slug, which)
    body = {
        "body": {"slug": board.slug, "name": board.name},
        "register": REGISTERS[which],
        "as_at": today().isoformat(),
        "licence": LICENCE,
        "entries": rows,
    }
    if which == "interests":
        body["withheld"] = [{"reason": reason, "count": n} for reason, n in register.withheld]
    return _licensed(JsonResponse(body, json_dumps_params={"indent": 2, "ensure_ascii": False}))
