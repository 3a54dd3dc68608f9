"""``/api/v1/changes/`` paged by cursor while changes are made: each change committed on its
own, as a client sees them (in one test transaction every change shares its time)."""

import pytest
from rest_framework.test import APIClient

from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


def ids(page):
    return [row["id"] for row in page["results"]]


def test_a_change_made_while_a_client_pages_through_does_not_shift_its_next_page():
    client = APIClient()
    factories.BoardFactory.create_batch(2)
    factories.PersonFactory.create_batch(3)
    first = client.get("/api/v1/changes/?limit=2").json()
    expected = ids(client.get(first["next"]).json())
    factories.PersonFactory.create_batch(2)  # new changes at the top of the feed
    assert ids(client.get(first["next"]).json()) == expected
    newest = client.get("/api/v1/changes/?limit=2").json()["results"]
    assert {row["id"] for row in newest}.isdisjoint(row["id"] for row in first["results"])
