"""One spreadsheet adds people and their appointments together; dates are read day first, as UK
users write them, and a date that could be read two ways is refused, never swapped; the preview
lists every row's errors in full; the import page offers a template file; export file names say
what they hold."""

import html

import pytest

from icsgov.core.dates import today
from partnerships.models import Membership, Person
from tests import factories
from tests.helpers.spreadsheets import MEMBERSHIPS, PEOPLE, confirm, csv_of, export, upload

HEADER = ["slug", "person", "post", "on_behalf_of", "kind", "start_date", "end_date", "new_person"]


@pytest.fixture
def seats(own):
    return [factories.PostFactory(board=own.board, label=f"Councillor {n}") for n in (1, 2, 3, 4)]


def row(person, seat, start, end="", new=""):
    return ["", person, seat.slug, "", "member", start, end, new]


@pytest.mark.django_db
def test_one_file_adds_people_and_their_appointments(login, own, seats):
    factories.PersonFactory(name="Known Member", slug="known-member")
    client = login("secretariat-own")
    content = csv_of(
        [
            HEADER,
            row("Ada Newperson", seats[0], "01/04/2024", new="yes"),
            row("Ada Newperson", seats[1], "01/04/2024", new="yes"),  # a second seat, same person
            row("Ben Newcomer", seats[2], "2024-05-01", "31/03/2026", new="yes"),
            row("known-member", seats[3], "01/04/2030"),
        ]
    )
    preview = upload(client, MEMBERSHIPS, content)
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors(), preview.content[:3000]
    assert result.totals["new"] == 4
    assert not Person.objects.filter(name__in=["Ada Newperson", "Ben Newcomer"]).exists()
    assert confirm(client, MEMBERSHIPS, preview).status_code == 302
    ada = Person.objects.get(name="Ada Newperson")
    assert not ada.is_published and ada.system == own.system
    assert {m.post for m in ada.memberships.all()} == {seats[0], seats[1]}
    ben = Membership.objects.get(person__name="Ben Newcomer")
    assert (ben.start_date.isoformat(), ben.end_date.isoformat()) == ("2024-05-01", "2026-03-31")


@pytest.mark.django_db
def test_a_new_person_who_is_already_there_is_refused(login, own, seats):
    factories.PersonFactory(name="Ada Newperson")
    content = csv_of([HEADER, row("Ada Newperson", seats[0], "01/04/2024", new="yes")])
    result = upload(login("secretariat-own"), MEMBERSHIPS, content).context["result"]
    assert [r.number for r in result.invalid_rows] == [1]
    assert "in the registry already" in str(result.invalid_rows[0].error_dict)
    assert Person.objects.filter(name="Ada Newperson").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "written, meant",
    [("01/04/2024", "2024-04-01"), ("1/4/2024", "2024-04-01"), ("13/04/2024", "2024-04-13")],
)
def test_a_day_first_date_is_read_as_uk_users_write_it(login, own, seats, written, meant):
    factories.PersonFactory(name="Known Member", slug="known-member")
    client = login("secretariat-own")
    preview = upload(client, MEMBERSHIPS, csv_of([HEADER, row("known-member", seats[0], written)]))
    assert confirm(client, MEMBERSHIPS, preview).status_code == 302
    assert seats[0].memberships.get().start_date.isoformat() == meant


@pytest.mark.django_db
@pytest.mark.parametrize(
    "written, words",
    [
        ("01-02-03", "could be read as more than one date"),
        ("04/13/2024", "looks month first"),
        ("04/13", "has no year"),
    ],
)
def test_an_ambiguous_date_is_refused_with_a_message(login, own, seats, written, words):
    factories.PersonFactory(name="Known Member", slug="known-member")
    preview = upload(
        login("secretariat-own"),
        MEMBERSHIPS,
        csv_of([HEADER, row("known-member", seats[0], written)]),
    )
    result = preview.context["result"]
    assert [r.number for r in result.invalid_rows] == [1]
    assert words in str(result.invalid_rows[0].error_dict)
    assert words in html.unescape(preview.content.decode())
    assert not seats[0].memberships.exists()


@pytest.mark.django_db
def test_the_preview_lists_every_rows_errors_in_full(login, own, seats):
    content = csv_of(
        [
            HEADER,
            row("nobody-we-know", seats[0], "01-02-03"),
            row("Ada Newperson", seats[1], "04/13/2024", new="yes"),
            row("someone-else", seats[2], "2024-04-01", "31/02/2025"),
        ]
    )
    page = html.unescape(upload(login("secretariat-own"), MEMBERSHIPS, content).content.decode())
    table = page[page.index('id="row-errors"') :]
    for message in (
        "No person with slug or name 'nobody-we-know'",
        "'01-02-03' could be read as more than one date",
        "'04/13/2024' looks month first",
        "No person with slug or name 'someone-else'",
        "'31/02/2025' is not a real date",
    ):
        assert message in table, message
    assert "validation-error-container" not in page  # nothing hidden behind a hover
    assert not Person.objects.filter(name="Ada Newperson").exists()


@pytest.mark.django_db
def test_the_import_page_offers_a_template_file(login, own):
    client = login("secretariat-own")
    page = client.get(f"{MEMBERSHIPS}import/").content.decode()
    assert f"{MEMBERSHIPS}import/template/" in page
    response = client.get(f"{MEMBERSHIPS}import/template/")
    assert response.status_code == 200
    assert "appointments-import-template.csv" in response["Content-Disposition"]
    header = response.content.decode().strip().split(",")
    assert header[:3] == ["slug", "person", "post"] and header[-1] == "new_person"
    assert "start_date" in header and "board" not in header
    people = client.get(f"{PEOPLE}import/template/").content.decode()
    assert people.startswith("slug,name,")
    assert login("viewer-own").get(f"{MEMBERSHIPS}import/template/").status_code == 403


@pytest.mark.django_db
def test_export_file_names_say_what_they_hold(login, own):
    client = login("secretariat-own")
    page = client.get(f"{MEMBERSHIPS}export/")
    data = {"format": "0", "resource": "0"}
    for name, field in page.context["form"].fields.items():
        if field.__class__.__name__ == "BooleanField":
            data[name] = "on"
    response = client.post(f"{MEMBERSHIPS}export/", data)
    assert f'appointments-{today().isoformat()}.csv"' in response["Content-Disposition"]
    assert export(client, PEOPLE)  # and people's export still works
