"""Terms of reference in the admin: copying a version into a new draft, and one ratified version
in force at a time — on the body's page (its rows checked against each other, also when one
version is ended and the next added in one save) and on the terms' own page."""

import datetime

import pytest

from partnerships.models import Board, TermsOfReference
from tests import factories
from tests.helpers.admin_forms import (
    add_page_data,
    add_rows,
    add_url,
    change_url,
    form_errors,
    inline_errors,
    page_data,
)

RATIFIED = {"status": "ratified", "voting": "unknown"}


@pytest.mark.django_db
def test_copy_terms_into_a_new_draft_with_its_clauses(login, own):
    terms = factories.TermsOfReferenceFactory(board=own.board, version="1.0")
    factories.TermsClauseFactory(terms=terms, order=1, text="Purpose clause.")
    login("secretariat-own").post(
        "/admin/partnerships/termsofreference/",
        {"action": "copy_as_draft", "_selected_action": [terms.pk]},
    )
    draft = TermsOfReference.objects.get(version="1.0 draft")
    assert (draft.status, draft.based_on, draft.board) == ("draft", terms, own.board)
    assert [c.text for c in draft.clauses.all()] == ["Purpose clause."]


@pytest.mark.django_db
def test_two_terms_in_force_on_the_board_page_is_an_error_and_saves_nothing(login, own):
    client = login("secretariat-own")
    url = change_url(own.board)
    data = page_data(client.get(url))
    row = {"status": "ratified", "in_force_from": "2023-01-01"}
    add_rows(
        data,
        "terms_of_reference",
        [{**row, "version": "1.0"}, {**row, "version": "2.0", "in_force_from": "2024-01-01"}],
    )
    response = client.post(url, data)
    assert response.status_code == 200
    errors = [
        e for formset in response.context["inline_admin_formsets"] for e in formset.formset.errors
    ]
    assert any("in_force_from" in e and "only one version" in str(e) for e in errors)
    assert not own.board.terms_of_reference.exists()


@pytest.mark.django_db
def test_terms_in_force_over_an_existing_version_is_an_error_on_its_start(login, own):
    factories.TermsOfReferenceFactory(board=own.board, version="1.0")
    response = login("secretariat-own").post(
        "/admin/partnerships/termsofreference/add/",
        {
            "board": own.board.pk,
            "version": "2.0",
            "status": "ratified",
            "in_force_from": "2024-01-01",
            "is_published": "on",
            "clauses-TOTAL_FORMS": "0",
            "clauses-INITIAL_FORMS": "0",
        },
    )
    assert "Version 1.0 is in force" in " ".join(form_errors(response)["in_force_from"])
    assert own.board.terms_of_reference.count() == 1


@pytest.mark.django_db
def test_two_overlapping_ratified_versions_on_a_new_board_are_an_error(login, own):
    client = login("secretariat-own")
    data = add_page_data(client, own.board, name="New Place Board", slug="new-place-board")
    add_rows(
        data,
        "terms_of_reference",
        [
            {**RATIFIED, "version": "1.0", "in_force_from": "2023-01-01"},
            {**RATIFIED, "version": "2.0", "in_force_from": "2024-01-01"},
        ],
    )
    response = client.post(add_url(Board), data)
    errors = inline_errors(response, "terms_of_reference")
    assert any(f == "in_force_from" and "Version 1.0" in m for f, m in errors), errors
    assert not Board.objects.filter(slug="new-place-board").exists()
    assert not TermsOfReference.objects.exists()


@pytest.mark.django_db
def test_consecutive_ratified_versions_on_a_new_board_save(login, own):
    client = login("secretariat-own")
    data = add_page_data(client, own.board, name="New Place Board", slug="new-place-board")
    add_rows(
        data,
        "terms_of_reference",
        [
            {
                **RATIFIED,
                "version": "1.0",
                "in_force_from": "2023-01-01",
                "in_force_to": "2023-12-31",
            },
            {**RATIFIED, "version": "2.0", "in_force_from": "2024-01-01"},
        ],
    )
    assert client.post(add_url(Board), data).status_code == 302
    assert Board.objects.get(slug="new-place-board").terms_of_reference.count() == 2


@pytest.mark.django_db
def test_a_draft_beside_a_ratified_version_is_no_clash(login, own):
    client = login("secretariat-own")
    data = add_page_data(client, own.board, name="New Place Board", slug="new-place-board")
    add_rows(
        data,
        "terms_of_reference",
        [
            {**RATIFIED, "version": "1.0", "in_force_from": "2023-01-01"},
            {"status": "draft", "version": "2.0", "in_force_from": "2023-06-01"},
        ],
    )
    assert client.post(add_url(Board), data).status_code == 302


def _board_page_with_next_version(client, board, old_end, new_start):
    url = change_url(board)
    data = page_data(client.get(url))
    data["terms_of_reference-0-in_force_to"] = old_end
    add_rows(
        data, "terms_of_reference", [{**RATIFIED, "version": "2.0", "in_force_from": new_start}]
    )
    return client.post(url, data)


@pytest.mark.django_db
def test_ending_a_version_and_adding_the_next_in_one_save_works(login, own):
    old = factories.TermsOfReferenceFactory(board=own.board, version="1.0")
    client = login("secretariat-own")
    response = _board_page_with_next_version(client, own.board, "2023-12-31", "2024-01-01")
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.in_force_to == datetime.date(2023, 12, 31)
    assert own.board.terms_of_reference.get(version="2.0").in_force_from == datetime.date(
        2024, 1, 1
    )


@pytest.mark.django_db
def test_ending_a_version_too_late_for_the_next_is_an_error(login, own):
    factories.TermsOfReferenceFactory(board=own.board, version="1.0")
    client = login("secretariat-own")
    response = _board_page_with_next_version(client, own.board, "2024-06-30", "2024-01-01")
    errors = inline_errors(response, "terms_of_reference")
    assert any(f == "in_force_from" and "Version 1.0" in m for f, m in errors), errors
    assert own.board.terms_of_reference.get().in_force_to is None
