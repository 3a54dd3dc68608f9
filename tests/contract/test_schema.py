"""The OpenAPI schema generates with no warnings, validates, and the docs page works offline."""

import pytest
import yaml
from django.core.management import call_command

from tests.helpers.api import IDS


def test_schema_generates_and_validates_without_warnings(tmp_path):
    out = tmp_path / "schema.yaml"
    # --fail-on-warn turns any warning (an untyped field, an enum collision) into an error.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    schema = yaml.safe_load(out.read_text())
    for endpoint in IDS:
        assert f"/api/v1/{endpoint}/" in schema["paths"]
    board_filters = {p["name"] for p in schema["paths"]["/api/v1/boards/"]["get"]["parameters"]}
    assert {"system", "place", "kind", "as_at", "current", "q", "ordering", "limit"} <= (
        board_filters
    )


@pytest.mark.django_db
def test_schema_is_served(api):
    response = api.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "ICS governance registry API"


@pytest.mark.django_db
def test_docs_page_loads_its_assets_locally(api):
    response = api.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "cdn." not in html and "unpkg" not in html
