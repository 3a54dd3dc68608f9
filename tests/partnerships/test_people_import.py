"""Import and export of people through the admin: an import after its dry run, and an export
of the ticked people that re-imports with no changes — the user's systems' people only."""

import pytest

from partnerships.models import Person
from partnerships.resources import PersonResource
from tests import factories
from tests.helpers.spreadsheets import (
    CSV,
    PEOPLE,
    XLSX,
    confirm,
    csv_of,
    export,
    export_selected,
    load,
    upload,
)


@pytest.mark.django_db
def test_people_import_and_export(login, own):
    client = login("secretariat-own")
    content = csv_of([["slug", "name", "honorific"], ["", "Amina Patel", "Cllr"]])
    preview = upload(client, PEOPLE, content)
    assert preview.context["result"].totals["new"] == 1
    confirm(client, PEOPLE, preview)
    assert Person.objects.get(name="Amina Patel").honorific == "Cllr"
    exported = export(client, PEOPLE).decode()
    assert "Amina Patel" in exported and "Own Member" in exported
    assert "Other Member" not in exported


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", [CSV, XLSX])
def test_export_selected_people_reimports_with_no_changes(login, own, fmt):
    amina = factories.PersonFactory(
        name="Amina Patel", honorific="Cllr", biography="Leader.", system=own.system
    )
    factories.PersonFactory(name="Not Ticked", system=own.system)
    client = login("secretariat-own")
    people = [amina.pk, own.membership.person_id]
    response = export_selected(client, PEOPLE, people, fmt)
    data = load(response.content, fmt)
    assert data.headers == PersonResource(user=None).get_export_headers()
    assert sorted(data["name"]) == ["Amina Patel", "Own Member"]
    name = "export.xlsx" if fmt == XLSX else "export.csv"
    result = upload(client, PEOPLE, response.content, name=name, fmt=fmt).context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert (result.totals["skip"], result.totals["new"], result.totals["update"]) == (2, 0, 0)
