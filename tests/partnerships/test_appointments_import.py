"""Import and export of appointments through the admin, as CSV and XLSX: a dry run first,
per-row errors with the row number, nothing saved when any row fails, and an export (of the list
or of the ticked rows) that re-imports with no changes. All within the user's systems."""

import io

import pytest
import tablib

from partnerships.models import Membership
from partnerships.resources import MembershipResource
from tests import factories
from tests.helpers.spreadsheets import (
    CSV,
    MEMBERSHIPS,
    XLSX,
    confirm,
    csv_of,
    export,
    export_selected,
    load,
    upload,
)

MEMBERSHIP_HEADER = ["slug", "person", "post", "on_behalf_of", "kind", "start_date", "end_date"]


@pytest.fixture
def seats(own):
    return [factories.PostFactory(board=own.board, label=f"Councillor {n}") for n in (1, 2)]


@pytest.mark.django_db
def test_good_file_imports_after_a_dry_run(login, own, seats):
    factories.PersonFactory(name="Priya Singh", slug="priya-singh")
    factories.PersonFactory(name="Tom Hughes", slug="tom-hughes")
    client = login("secretariat-own")
    content = csv_of(
        [
            MEMBERSHIP_HEADER,
            ["", "priya-singh", seats[0].slug, "", "member", "2024-04-01", ""],
            ["", "Tom Hughes", "Councillor 2", "", "member", "2024-04-01", "2025-03-31"],
        ]
    )
    preview = upload(client, MEMBERSHIPS, content)
    assert preview.status_code == 200
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["new"] == 2
    assert Membership.objects.count() == 2  # the dry run saved nothing (own + other)
    assert confirm(client, MEMBERSHIPS, preview).status_code == 302
    assert Membership.objects.filter(post__in=seats).count() == 2


@pytest.mark.django_db
def test_one_bad_row_imports_nothing_and_names_the_row(login, own, seats):
    factories.PersonFactory(name="Priya Singh", slug="priya-singh")
    factories.PersonFactory(name="Tom Hughes", slug="tom-hughes")
    client = login("secretariat-own")
    content = csv_of(
        [
            MEMBERSHIP_HEADER,
            ["", "priya-singh", seats[0].slug, "", "member", "2024-04-01", ""],
            # Row 2: the seat has one place and Priya already takes it.
            ["", "tom-hughes", seats[0].slug, "", "member", "2024-06-01", ""],
        ]
    )
    preview = upload(client, MEMBERSHIPS, content)
    result = preview.context["result"]
    invalid = result.invalid_rows
    assert [row.number for row in invalid] == [2]
    assert "Councillor 1" in str(invalid[0].error_dict)
    assert "confirm_form" not in preview.context or preview.context["confirm_form"] is None
    assert not Membership.objects.filter(post__in=seats).exists()
    page = preview.content.decode()
    assert "Councillor 1" in page


@pytest.mark.django_db
def test_unknown_person_is_a_row_error(login, own, seats):
    content = csv_of(
        [MEMBERSHIP_HEADER, ["", "nobody-we-know", seats[0].slug, "", "member", "2024-04-01", ""]]
    )
    result = upload(login("secretariat-own"), MEMBERSHIPS, content).context["result"]
    assert [row.number for row in result.invalid_rows] == [1]
    assert "nobody-we-know" in str(result.invalid_rows[0].error_dict)


@pytest.mark.django_db
def test_cannot_import_into_another_systems_seat(login, own, other):
    factories.PersonFactory(name="Priya Singh", slug="priya-singh")
    content = csv_of(
        [MEMBERSHIP_HEADER, ["", "priya-singh", own.post.slug, "", "member", "2030-01-01", ""]]
    )
    result = upload(login("secretariat-other"), MEMBERSHIPS, content).context["result"]
    assert [row.number for row in result.invalid_rows] == [1]
    assert own.post.memberships.count() == 1


@pytest.mark.django_db
def test_viewers_cannot_import(login):
    assert login("viewer-own").get(f"{MEMBERSHIPS}import/").status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", [CSV, XLSX])
def test_export_reimports_with_no_changes(login, own, other, fmt):
    factories.MembershipFactory(post=factories.PostFactory(board=own.board), notes="Vice-chair")
    client = login("secretariat-own")
    content = export(client, MEMBERSHIPS, fmt)
    data = tablib.Dataset().load(io.BytesIO(content) if fmt == XLSX else content.decode(),
                                 format="xlsx" if fmt == XLSX else "csv")  # fmt: skip
    assert data.headers[:3] == ["slug", "person", "post"]
    assert len(data) == 2  # own system's appointments only
    assert other.membership.slug not in data["slug"]
    name = "export.xlsx" if fmt == XLSX else "export.csv"
    result = upload(client, MEMBERSHIPS, content, name=name, fmt=fmt).context["result"]
    errors = [(e.row, str(e.error)) for row in result.rows for e in row.errors]
    assert errors == [], errors[0][1][:600]
    assert not result.has_validation_errors(), [r.error_dict for r in result.invalid_rows]
    assert (result.totals["skip"], result.totals["new"], result.totals["update"]) == (2, 0, 0), [
        [d for d in r.diff if "ins" in d or "del" in d] for r in result.rows
    ]


# --- "Export selected": the ticked rows, in the same columns -----------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", [CSV, XLSX])
def test_export_selected_appointments_reimports_with_no_changes(login, own, other, fmt):
    chosen = [
        factories.MembershipFactory(
            post=factories.PostFactory(board=own.board), notes="Vice-chair"
        ),
        factories.MembershipFactory(post=factories.PostFactory(board=own.board), end_date=None),
    ]
    factories.MembershipFactory(post=factories.PostFactory(board=own.board))  # not ticked
    client = login("secretariat-own")
    # Another system's appointment ticked by a crafted request is simply not exported.
    response = export_selected(
        client, MEMBERSHIPS, [m.pk for m in chosen] + [other.membership.pk], fmt
    )
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = load(response.content, fmt)
    assert data.headers == MembershipResource(user=None).get_export_headers()
    assert sorted(data["slug"]) == sorted(m.slug for m in chosen)
    name = "export.xlsx" if fmt == XLSX else "export.csv"
    result = upload(client, MEMBERSHIPS, response.content, name=name, fmt=fmt).context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert (result.totals["skip"], result.totals["new"], result.totals["update"]) == (2, 0, 0)


@pytest.mark.django_db
def test_export_selected_is_scoped_to_the_users_systems(login, own, other):
    # A viewer may export what they can read ...
    response = export_selected(login("viewer-own"), MEMBERSHIPS, [own.membership.pk])
    assert load(response.content, CSV)["slug"] == [own.membership.slug]
    # ... but another system's id posted straight to the export is refused, no file.
    client = login("secretariat-own")
    response = client.post(
        f"{MEMBERSHIPS}export/",
        {"format": CSV, "resource": "0", "export_items": [str(other.membership.pk)]},
    )
    assert response.status_code == 200
    assert "Content-Disposition" not in response
    assert other.membership.slug.encode() not in response.content
    # Ticking only another system's row exports nothing of it.
    page = client.post(
        MEMBERSHIPS,
        {"action": "export_admin_action", "_selected_action": [str(other.membership.pk)]},
    )
    assert other.membership.slug.encode() not in page.content
