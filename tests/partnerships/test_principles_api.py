"""Principles through the API: addressed by id, filtered by body and text, in their number
order; those of an unpublished body stay private."""

import datetime

import pytest

from tests import factories
from tests.helpers.api import results


@pytest.mark.django_db
def test_principles_of_a_body_in_number_order(api):
    board = factories.BoardFactory(slug="hiow-icp")
    factories.PrincipleFactory(board=board, number=2, title="subsidiarity", text="Decide locally.")
    first = factories.PrincipleFactory(
        board=board,
        number=1,
        title="learning system",
        text="We will create a learning system.",
        adopted_on=datetime.date(2018, 10, 1),
    )
    factories.PrincipleFactory(title="elsewhere")
    rows = results(api.get("/api/v1/principles/?board=hiow-icp&ordering=number"))
    assert [r["title"] for r in rows] == ["learning system", "subsidiarity"]
    assert rows[0]["board"]["slug"] == "hiow-icp"
    assert rows[0]["adopted_on"] == "2018-10-01"
    assert rows[0]["url"] == f"http://testserver/api/v1/principles/{first.pk}/"
    assert [r["title"] for r in results(api.get("/api/v1/principles/?q=locally"))] == [
        "subsidiarity"
    ]
    assert len(results(api.get(f"/api/v1/principles/?system={board.system.slug}"))) == 2


@pytest.mark.django_db
def test_an_unpublished_bodys_principles_are_private(api, staff_api):
    principle = factories.PrincipleFactory(board__is_published=False)
    assert results(api.get("/api/v1/principles/")) == []
    assert api.get(f"/api/v1/principles/{principle.pk}/").status_code == 404
    assert staff_api.get(f"/api/v1/principles/{principle.pk}/").status_code == 200
