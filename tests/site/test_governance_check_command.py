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
        "check", "severity", "undecidable", "system", "system_name", "body", "record", "link",
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


def test_the_api_filters_findings_by_body(api, breach):
    other = f.BoardFactory(
        system=breach, name="Other body", membership_maintained_from=D(2022, 7, 1)
    )
    f.PostFactory(board=other, label="Empty seat", places=1)

    icp = breach.boards.get(name="North ICP").slug
    rows = compliance(api, f"body={icp}")["results"]
    assert rows and {row["body"] for row in rows} == {icp}
    assert any(row["check"] == "icp.council-members" for row in rows)
    other_rows = compliance(api, f"body={other.slug}&check=seats.vacant")["results"]
    assert [row["record"] for row in other_rows] == ["Other body: Empty seat"]


def test_a_hidden_body_is_refused_exactly_as_a_missing_one(api, breach):
    f.BoardFactory(system=breach, slug="hidden-body", is_published=False)
    hidden = api.get("/api/v1/compliance/?body=hidden-body")
    missing = api.get("/api/v1/compliance/?body=nowhere")
    assert hidden.status_code == missing.status_code == 400
    assert hidden.json() == json.loads(missing.content.decode().replace("nowhere", "hidden-body"))


def test_a_body_outside_the_system_asked_for_is_a_400(api, breach):
    f.SystemFactory(slug="south", name="South")
    icp = breach.boards.get(name="North ICP").slug
    response = api.get(f"/api/v1/compliance/?body={icp}&system=south")
    assert response.status_code == 400
    assert response.json()["errors"]["body"] == [f"The body '{icp}' is not in South."]


# --- the public page -------------------------------------------------------------------------


def test_the_public_duties_page_shows_public_duty_findings_about_public_records(client, breach):
    page = client.get("/systems/north/duties/?as_at=2023-05-01")

    html = page.content.decode()
    assert page.status_code == 200
    assert "The integrated care partnership has a member from the ICB and from each council" in html
    assert "North ICP has no member appointed by Shire" in html
    assert (
        "s116ZA" in html
        and 'href="https://www.legislation.gov.uk/ukpga/2007/28/section/116ZA"' in html
    )
    # Not a public duty (the secretariat's own housekeeping): not on the page.
    assert "Seats with no holder" not in html
    assert 'href="/systems/north/duties/' in client.get("/systems/north/").content.decode()


def test_the_public_duties_page_says_when_the_record_cannot_tell(client, breach):
    breach.boards.update(membership_maintained_from=None)
    html = client.get("/systems/north/duties/?as_at=2023-05-01").content.decode()
    assert "The record cannot tell" in html and "membership not recorded" in html
    assert "nhsuk-tag--red" not in html.split("<h1")[1]


def test_the_public_duties_page_explains_a_bad_date_and_hides_synthetic_systems(client, breach):
    response = client.get("/systems/north/duties/?as_at=2023-02-30")
    assert response.status_code == 400 and "There is a problem" in response.content.decode()
    f.SystemFactory(slug="bench", is_synthetic=True)
    assert client.get("/systems/bench/duties/").status_code == 404


def test_the_public_duties_page_query_count_does_not_grow(
    client, breach, django_assert_max_num_queries
):
    with django_assert_max_num_queries(60) as few:
        client.get("/systems/north/duties/?as_at=2023-05-01")
    for n in range(4):
        council = f.CouncilFactory(name=f"Council {n}", system=None)
        f.CouncilAreaFactory(system=breach, organisation=council)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/systems/north/duties/?as_at=2023-05-01")


def test_a_public_duty_finding_about_a_private_record_is_not_shown_nor_called_nothing(
    client, breach
):
    breach.boards.filter(name="North ICP").update(is_published=False)
    html = client.get("/systems/north/duties/?as_at=2023-05-01").content.decode()
    section = html[html.index("has a member from the ICB and from each council") :]
    section = section.split("<h2")[0]
    assert "North ICP" not in section and "Shire" not in section
    assert "Nothing found" not in section
    assert "The public record holds too little to tell whether this duty is met." in section


def test_the_public_duties_page_before_the_system_existed(client, breach):
    breach.start_date = D(2022, 7, 1)
    breach.save()
    html = client.get("/systems/north/duties/?as_at=2021-01-01").content.decode()
    assert "it did not exist on 1 January 2021" in html and "Nothing found" not in html


def test_a_system_after_it_ended_has_no_duties_on_any_door(client, api, breach):
    """A system merged away (April 2026) is not checked as at a date after its end: its ICP's
    findings then would be about a system that no longer existed."""
    breach.end_date = D(2023, 3, 31)
    breach.save()
    html = client.get("/systems/north/duties/?as_at=2023-05-01").content.decode()
    assert "North ended on 31 March 2023: it did not exist on 1 May 2023" in html
    assert "Nothing found" not in html
    code, out = command("--system", "north", "--as-at", "2023-05-01", "--format", "json")
    assert code == 0 and json.loads(out)["findings"] == []
    assert compliance(api, "system=north")["results"] == []
    # The day before it ended, it was checked.
    code, out = command("--system", "north", "--as-at", "2023-03-31", "--format", "json")
    assert code == 1
