"""Every query parameter the schema documents, given malformed values, answers 2xx/4xx JSON,
never a 5xx (a small, deterministic stand-in for a schema-driven fuzzer)."""

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
