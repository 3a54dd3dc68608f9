"""Malformed input is a 4xx saying what is wrong, never a 5xx: every query parameter the schema
documents, given malformed values, answers 2xx/4xx JSON (a small, deterministic stand-in for a
schema-driven fuzzer), and a malformed filter value is a 400 naming the parameter."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from tests import factories

BAD_VALUES = ["x", "2023-02-30", "%00", "99999999999999999999999"]


def documented_gets():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    for path, operations in schema["paths"].items():
        if "get" in operations and "{" not in path.replace("{slug}", "").replace("{id}", ""):
            names = [
                p["name"] for p in operations["get"].get("parameters", []) if p["in"] == "query"
            ]
            yield path, names


@pytest.mark.django_db
def test_no_documented_parameter_can_cause_a_server_error(api):
    membership = factories.MembershipFactory()
    factories.TermsOfReferenceFactory(board=membership.post.board)
    factories.MilestoneFactory(system=membership.post.board.system)
    system = membership.post.board.system.slug
    failures = []
    checked = 0
    for path, names in documented_gets():
        url = path.replace("{slug}", system if path.startswith("/api/v1/systems/") else "x")
        url = url.replace("{id}", "1")
        for name in names:
            for value in BAD_VALUES:
                response = api.get(f"{url}?{name}={value}")
                checked += 1
                if response.status_code >= 500 or not response["Content-Type"].startswith(
                    ("application/json", "text/csv", "application/vnd.oai.openapi")
                ):
                    failures.append((url, name, value, response.status_code))
    assert checked > 400
    assert failures == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "limit=ten",
        "offset=-1",
        "offset=99999999999999999999999",
        "limit=0",
        "as_at=2023-02-30",
        "as_at=yesterday",
        "current=maybe",
        "system=no-such-system",
        "ordering=password",
        "kind=not_a_kind",
    ],
)
def test_malformed_filter_values_are_400_json_with_a_message(api, query):
    factories.BoardFactory()
    response = api.get(f"/api/v1/boards/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["detail"]
    name = query.split("=")[0]
    assert name in body["errors"]


@pytest.mark.django_db
def test_malformed_as_at_on_a_board_detail_is_400(api):
    board = factories.BoardFactory()
    response = api.get(f"/api/v1/boards/{board.slug}/?as_at=2023-13-01")
    assert response.status_code == 400
    assert "as_at" in response.json()["errors"]
