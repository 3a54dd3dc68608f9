"""``manage.py governance_check`` and ``/api/v1/compliance/``: the registry's findings through
its two doors — exit codes and JSON for scheduled jobs, filters and anonymity for API clients."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from partnerships.choices import BoardKind, OrganisationKind
from tests import factories as f

D = datetime.date


@pytest.fixture
def breach(db):
    """A real system whose maintained ICP lacks its council's member (an error), with an
    unpublished seat left vacant (a warning about a record not on the public record)."""
    system = f.SystemFactory(name="North", slug="north")
    icb = f.OrganisationFactory(system=system, kind=OrganisationKind.ICB, name="North ICB")
    f.CouncilAreaFactory(system=system, organisation=f.CouncilFactory(name="Shire", system=None))
    icp = f.BoardFactory(
        system=system,
        name="North ICP",
        kind=BoardKind.STATUTORY_ICP,
        membership_maintained_from=D(2022, 7, 1),
    )
    f.MembershipFactory(post=f.PostFactory(board=icp, places=1), on_behalf_of=icb)
    f.PostFactory(board=icp, label="Hidden seat", places=1, is_published=False)
    f.TermsOfReferenceFactory(board=icp, review_date=D(2030, 1, 1))
    return system


def command(*args):
    out = io.StringIO()
    try:
        call_command("governance_check", *args, stdout=out)
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, out.getvalue()


def test_an_error_finding_exits_1_and_names_the_record(breach):
    code, out = command("--system", "north", "--as-at", "2023-05-01")
    assert code == 1
    assert "[error] icp.council-members — North: North ICP has no member appointed by Shire" in out


def test_only_warnings_exit_0(breach):
    code, out = command("--system", "north", "--as-at", "2023-05-01", "--check", "seats.vacant")
    assert code == 0 and "[warning] seats.vacant" in out


def test_undecidable_errors_exit_0(breach):
    breach.boards.update(membership_maintained_from=None)
    code, out = command(
        "--system", "north", "--as-at", "2023-05-01", "--check", "icp.council-members"
    )
    assert code == 0 and "[undecidable]" in out and "membership not recorded" in out


def test_json_output(breach):
    code, out = command("--as-at", "2023-05-01", "--format", "json")
    answer = json.loads(out)
    assert code == 1 and answer["as_at"] == "2023-05-01" and answer["system"] is None
    assert answer["counts"]["error"] == 1
    [icp] = [row for row in answer["findings"] if row["check"] == "icp.council-members"]
    assert set(icp) == {
        "check", "severity", "undecidable", "system", "system_name", "record", "link",
        "message", "source", "source_url",
    }  # fmt: skip
    assert icp["system"] == "north" and icp["severity"] == "error"
    assert "s116ZA" in icp["source"] and icp["source_url"].endswith("/section/116ZA")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--system", "nowhere"], "No system with slug 'nowhere'"),
        (["--as-at", "2023-13-01"], "--as-at: Enter a real date as YYYY-MM-DD"),
        (["--check", "no.such"], "No check no.such"),
    ],
)
def test_bad_arguments_are_a_clear_command_error(db, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("governance_check", *args, stdout=io.StringIO())


# --- the API ------------------------------------------------------------------------------


def compliance(client, query=""):
    response = client.get(f"/api/v1/compliance/?as_at=2023-05-01&{query}")
    assert response.status_code == 200, response.content[:500]
    return response.json()


def test_the_api_lists_findings_with_filters(api, breach):
    answer = compliance(api, "system=north&check=icp.council-members")
    assert answer["count"] == 1 and answer["as_at"] == "2023-05-01"
    [row] = answer["results"]
    assert row["severity"] == "error" and row["link"].startswith("/boards/")
    assert compliance(api, "system=north&severity=information")["results"] == []
    assert {row["severity"] for row in compliance(api, "severity=error")["results"]} == {"error"}


def test_anonymous_clients_see_only_findings_about_public_records_of_real_systems(
    api, staff_api, breach
):
    demo = f.SystemFactory(name="Demo", slug="demo", is_demonstration=True)
    f.BoardFactory(system=demo, kind=BoardKind.STATUTORY_ICP)
    public = compliance(api, "check=seats.vacant")["results"]
    assert all("Hidden seat" not in row["message"] for row in public)
    assert all(row["system"] != "demo" for row in compliance(api)["results"])
    staff = compliance(staff_api, "check=seats.vacant")["results"]
    assert any("Hidden seat" in row["message"] for row in staff)
    assert any(row["system"] == "demo" for row in compliance(staff_api)["results"])


def test_a_synthetic_or_demonstration_system_is_not_found_by_anonymous_clients(api, db):
    f.SystemFactory(slug="bench", is_synthetic=True)
    response = api.get("/api/v1/compliance/?system=bench")
    assert response.status_code == 400


@pytest.mark.parametrize(
    "query, field",
    [
        ("as_at=2023-02-30", "as_at"),
        ("system=nowhere", "system"),
        ("check=no.such", "check"),
        ("severity=fatal", "severity"),
    ],
)
def test_a_bad_filter_is_a_400_in_the_json_error_format(api, db, query, field):
    response = api.get(f"/api/v1/compliance/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert field in json.dumps(body)


def test_the_compliance_endpoint_is_in_the_schema(api, db):
    schema = api.get("/api/v1/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/compliance/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"system", "check", "severity", "as_at"} <= names


def test_the_api_query_count_does_not_grow_with_the_systems(
    api, breach, django_assert_max_num_queries
):
    with django_assert_max_num_queries(50) as few:
        compliance(api)
    for _ in range(3):
        system = f.SystemFactory()
        f.BoardFactory(system=system, kind=BoardKind.STATUTORY_ICP)
        f.PostFactory(board=f.BoardFactory(system=system, membership_maintained_from=D(2022, 7, 1)))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert compliance(api)["count"] > 3
