"""The examples in docs/api.md run, as written, against the seed data: every read answers 200
with something in it, every write succeeds."""

import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
CURL = re.compile(r"""curl -X (\w+) "\$API(/[^"]*)".*?-d '(.*)'""")
READ = re.compile(r"""^curl "\$API(/[^"]*)"(?:\s|$)""")


def read_examples():
    section = DOC.read_text().split("## Examples", 1)[1].split("\n## ", 1)[0]
    return [READ.match(line).group(1) for line in section.splitlines() if READ.match(line)]


def write_examples():
    section = DOC.read_text().split("## Writing", 1)[1].split("\n## ", 1)[0]
    joined = section.replace("\\\n", " ")
    return [CURL.search(line).groups() for line in joined.splitlines() if CURL.search(line)]


def test_the_docs_have_write_examples():
    methods = [method for method, _, _ in write_examples()]
    assert methods.count("POST") >= 6 and "PATCH" in methods


@pytest.mark.django_db
def test_write_examples_run_against_the_seed_data():
    call_command("load_seed", stdout=io.StringIO())
    out = io.StringIO()
    call_command(
        "grant_access", "jo.bloggs", "--role", "secretariat", "--system", "hiow", stdout=out
    )
    token = io.StringIO()
    call_command("api_token", "jo.bloggs", stdout=token)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.getvalue().strip()}")
    created = {}
    for method, path, body in write_examples():
        resource = path.strip("/").split("/")[0]
        path = path.replace("<slug>", created.get(resource, "")).replace(
            "<meeting slug>", created.get("meetings", "")
        )
        body = body.replace("<meeting slug>", created.get("meetings", ""))
        response = getattr(client, method.lower())(
            f"/api/v1{path}", json.loads(body), format="json"
        )
        assert response.status_code in (200, 201), (method, path, response.content[:300])
        if method == "POST" and "slug" in response.json():
            created[resource] = response.json()["slug"]
    assert created["people"] == "alex-example"


@pytest.mark.django_db
def test_read_examples_answer_with_data_from_the_seed():
    assert len(read_examples()) >= 25
    call_command("load_seed", stdout=io.StringIO())
    client = APIClient()
    empty = []
    for path in read_examples():
        response = client.get(f"/api/v1{path}")
        assert response.status_code == 200, (path, response.content[:300])
        if "format=csv" in path:
            assert len(response.content.decode().splitlines()) > 1, path
            continue
        body = response.json()
        if "results" in body and not body["results"]:
            empty.append(path)
    # The docs say so: the seed papers name seats but few office holders.
    assert empty == [
        "/memberships/?board=southampton-health-and-care-partnership-board&current=true",
        "/people/?board=hiow-icp-engine-room&as_at=2023-01-01",
    ]
