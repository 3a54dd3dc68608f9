"""The API's JSON is encoded by orjson (icsgov.core.api.renderers.OrjsonRenderer) with the same
bytes DRF's JSONRenderer gives — dates, datetimes (milliseconds, 'Z'), decimals, UUIDs, lazy text,
line separators — and the browsable API is still there."""

import datetime
import decimal
import uuid

import pytest
from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer

from icsgov.core.api.renderers import OrjsonRenderer

SAMPLES = [
    {"date": datetime.date(2024, 6, 1), "none": None, "flag": True, "n": 3, "x": 1.5},
    {"at": datetime.datetime(2024, 6, 1, 9, 30, 15, 123456, tzinfo=datetime.UTC)},
    {"at": datetime.datetime(2024, 6, 1, 9, 30), "time": datetime.time(9, 30, 1, 5000)},
    {"money": decimal.Decimal("12.50"), "id": uuid.UUID("12345678-1234-5678-1234-567812345678")},
    {"text": "Café – “quoted” \u2028 line \u2029 para", "lazy": gettext_lazy("Present")},
    [{"nested": [1, "two", {"three": None}]}, (4, 5)],
]


@pytest.mark.parametrize("data", SAMPLES)
def test_orjson_renders_the_same_bytes_as_drf(data):
    assert OrjsonRenderer().render(data) == JSONRenderer().render(data)


@pytest.mark.django_db
def test_the_api_answers_json_and_still_offers_the_browsable_api(client):
    response = client.get("/api/v1/systems/", HTTP_ACCEPT="application/json")
    assert response["Content-Type"] == "application/json"
    assert response.json()["results"] is not None
    page = client.get("/api/v1/systems/", HTTP_ACCEPT="text/html")
    assert page["Content-Type"].startswith("text/html")
    indented = client.get("/api/v1/systems/", HTTP_ACCEPT="application/json; indent=2")
    assert b'\n  "count"' in indented.content
