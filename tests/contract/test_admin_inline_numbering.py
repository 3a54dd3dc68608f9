"""Numbered rows of one inline — a clause's order in its terms, a decision's in its meeting, a
strategy's priorities and chapters, a place's areas, a maturity timeline's periods — that clash
with each other are a form error on the right field, with nothing of the page saved, never a 500
(the database constraints would refuse the second row only after the first was written)."""

import pytest

from partnerships.models import Decision, TermsClause
from places.models import Area
from strategy.models import Chapter, MaturityPeriod, Priority
from tests import factories
from tests.helpers.admin_forms import add_rows, change_url, inline_errors, page_data


def _terms(own):
    return factories.TermsOfReferenceFactory(board=own.board), "clauses", TermsClause


def _meeting(own):
    return factories.MeetingFactory(board=own.board), "decisions", Decision


def _strategy(own, prefix, model):
    return factories.StrategyFactory(system=own.system), prefix, model


def _place(own):
    return factories.PlaceFactory(system=own.system), "areas", Area


def _timeline(own):
    return factories.MaturityTimelineFactory(system=own.system), "periods", MaturityPeriod


CASES = {
    "clause order": (_terms, {"order": "1", "topic": "membership", "text": "Members."}, "order"),
    "decision order": (_meeting, {"order": "1", "text": "Agreed."}, "order"),
    "priority order": (
        lambda own: _strategy(own, "priorities", Priority),
        {"order": "1", "name": "Workforce", "status": "emerging"},
        "order",
    ),
    "chapter number": (
        lambda own: _strategy(own, "chapters", Chapter),
        {"number": "1", "title": "Place", "scope": "system"},
        "number",
    ),
    "area name": (_place, {"name": "North", "slug": ""}, "name"),
    "period label": (
        _timeline,
        {"order": "1", "label": "2024/25", "start_precision": "day", "end_precision": "day"},
        "label",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(CASES))
def test_two_rows_with_the_same_number_are_an_error(login, own, case):
    make, row, field = CASES[case]
    parent, prefix, model = make(own)
    client = login("secretariat-own")
    url = change_url(parent)
    data = page_data(client.get(url))
    rows = [dict(row), dict(row)]
    if prefix == "areas":
        rows[0]["slug"], rows[1]["slug"] = "north-1", "north-2"
    add_rows(data, prefix, rows)
    errors = inline_errors(client.post(url, data), prefix)
    assert any(field in m or f == field for f, m in errors), errors
    fk = next(f.name for f in model._meta.fields if f.related_model is type(parent))
    assert not model.objects.filter(**{fk: parent}).exists()
