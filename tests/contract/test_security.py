"""Hostile input, tried through every door a stranger can reach: anonymous writes, writes into
another system, admin posts without a CSRF token, script in every text field, SQL
metacharacters in every filter, spreadsheet formulas, unreadable addresses and bodies — each a
clear 4xx (or harmless text), never a 500, never a change."""

import io
import json

import pytest
import tablib
from django.apps import apps
from django.test import Client

from partnerships.models import Meeting, Person
from tests import factories

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"
WRITABLE = ["people", "posts", "memberships", "meetings", "attendance", "decisions", "milestones"]


@pytest.mark.parametrize("resource", WRITABLE)
def test_anonymous_writes_are_refused(api, resource):
    response = api.post(f"/api/v1/{resource}/", {"name": "x"}, format="json")
    assert response.status_code == 401
    assert "detail" in response.json()


def test_a_write_into_another_system_changes_nothing(api_as, own, other):
    before = other.membership.end_date
    response = api_as("secretariat-own").patch(
        f"/api/v1/memberships/{other.membership.slug}/", {"end_date": "2024-01-01"}, format="json"
    )
    assert response.status_code in (403, 404)
    other.membership.refresh_from_db()
    assert other.membership.end_date == before


def test_admin_posts_without_a_csrf_token_are_refused(users, own):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["secretariat-own"])
    url = f"/admin/partnerships/person/{own.membership.person.pk}/change/"
    response = client.post(url, {"name": "Changed by a forged form"})
    assert response.status_code == 403
    own.membership.person.refresh_from_db()
    assert own.membership.person.name == "Own Member"


def text_fields(model):
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.get_internal_type() in ("CharField", "TextField")
        and not f.choices
        and f.name not in {"slug", "email", "phone", "url", "website", "document_url", "file_name"}
    ]


@pytest.fixture
def scripted(own):
    """A public body, seat, person, appointment, meeting, strategy and milestone whose every
    free-text field holds a script."""

    def fill(obj):
        for name in text_fields(type(obj)):
            field = type(obj)._meta.get_field(name)
            setattr(obj, name, (SCRIPT + name)[: field.max_length or 500])
        obj.save()
        return obj

    board = fill(factories.BoardFactory(system=own.system, slug="scripted-board"))
    post = fill(factories.PostFactory(board=board))
    person = fill(factories.PersonFactory(slug="scripted-person"))
    fill(factories.MembershipFactory(post=post, person=person))
    fill(factories.MeetingFactory(board=board, slug="scripted-meeting"))
    strategy = fill(factories.StrategyFactory(system=own.system, slug="scripted-strategy"))
    fill(factories.MilestoneFactory(system=own.system, strategy=strategy))
    fill(own.system)
    return board


def test_script_in_every_text_field_is_shown_as_text_on_every_page(client, scripted, own):
    for url in (
        "/boards/scripted-board/",
        "/people/scripted-person/",
        "/meetings/scripted-meeting/",
        "/strategies/scripted-strategy/",
        f"/systems/{own.system.slug}/",
        "/meetings/",
        "/search/?q=alert",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "<script>alert(" not in html, url
    diagram = client.get(f"/systems/{own.system.slug}/").content.decode()
    assert "&lt;script&gt;" in diagram  # in the SVG too, escaped


def test_script_in_the_calendar_is_plain_text(client, scripted):
    body = client.get("/boards/scripted-board/calendar.ics").content.decode()
    assert "BEGIN:VCALENDAR" in body
    # iCalendar carries text, not markup: the value is there, escaped per RFC 5545 (no line
    # or property can be injected).
    assert "\nSUMMARY:" in body and "\nBEGIN:VEVENT\nBEGIN" not in body


def test_sql_metacharacters_in_every_filter_are_harmless(api, own):
    schema = api.get("/api/v1/schema/?format=json").json()
    hostile = "' OR 1=1; DROP TABLE partnerships_person; --"
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if not get or "{" in path:
            continue
        for parameter in get.get("parameters", []):
            if parameter["in"] != "query":
                continue
            response = api.get(path, {parameter["name"]: hostile})
            assert response.status_code < 500, (path, parameter["name"], response.status_code)
    assert Person.objects.exists()


def test_a_formula_in_a_name_is_text_in_the_api_csv(api, own):
    person = own.membership.person
    person.name = '=HYPERLINK("http://evil.example","click")'
    person.save()
    body = api.get("/api/v1/people/?format=csv").content.decode()
    assert "'=HYPERLINK(" in body
    assert "\n=HYPERLINK(" not in body and ",=HYPERLINK(" not in body


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_formula_in_a_name_is_text_in_the_admin_export_and_reimports_unchanged(login, own, fmt):
    from tests.helpers.spreadsheets import CSV, PEOPLE, XLSX, export, upload

    person = own.membership.person
    person.name = "=1+1"
    person.save()
    client = login("secretariat-own")
    code = XLSX if fmt == "xlsx" else CSV
    content = export(client, PEOPLE, fmt=code)
    data = (
        tablib.Dataset().load(io.BytesIO(content), format="xlsx")
        if fmt == "xlsx"
        else tablib.Dataset().load(content.decode(), format="csv")
    )
    assert "'=1+1" in data["name"]
    result = upload(client, PEOPLE, content, name=f"people.{fmt}", fmt=code).context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["update"] == 0
    person.refresh_from_db()
    assert person.name == "=1+1"


@pytest.mark.parametrize("url", ["/meetings/?system=%00", "/boards/x%00/", "/api/v1/boards/?q=%00"])
def test_an_address_with_a_nul_byte_is_a_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    if url.startswith("/api/"):
        assert response.json()["detail"]


def test_unknown_api_addresses_answer_json(api):
    response = api.get("/api/v1/no-such-resource/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


def test_json_nested_too_deeply_is_a_400(api_as):
    body = "[" * 5000 + "]" * 5000
    response = api_as("secretariat-own").generic(
        "POST", "/api/v1/people/", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert "nested too deeply" in response.json()["detail"]


def test_an_oversized_body_is_refused(api_as, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = api_as("secretariat-own").post(
        "/api/v1/people/", json.dumps({"name": "x" * 2000}), content_type="application/json"
    )
    assert response.status_code == 413
    assert "larger than" in response.json()["detail"]


def test_unknown_fields_in_a_write_are_a_400(api_as, own):
    response = api_as("secretariat-own").patch(
        f"/api/v1/memberships/{own.membership.slug}/", {"end_dat": "2024-01-01"}, format="json"
    )
    assert response.status_code == 400
    assert "end_dat" in response.json()["errors"]


def test_a_date_far_outside_the_registrys_range_is_refused(api_as, own):
    response = api_as("secretariat-own").post(
        "/api/v1/meetings/",
        {"board": own.board.slug, "title": "Far future", "date": "9999-12-31"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["date"] == [
        "Enter a date between 1 January 1800 and 31 December 2100."
    ]
    assert not Meeting.objects.filter(title="Far future").exists()


def test_every_registry_model_refuses_dates_out_of_range():
    import datetime

    from django.core.exceptions import ValidationError

    from icsgov.core.registry import registry_models

    for model in registry_models():
        dates = [
            f.name for f in model._meta.concrete_fields if f.get_internal_type() == "DateField"
        ]
        if not dates:
            continue
        obj = model(**{dates[0]: datetime.date(1, 1, 1)})
        with pytest.raises(ValidationError) as caught:
            obj.full_clean()
        assert dates[0] in caught.value.message_dict, model
    assert apps.get_model("partnerships", "Meeting")
