"""Rows of one inline that clash with each other: a form error on the right field, nothing of
the page saved, never a 500 (the database constraints would refuse the second row only after
the first was written, or, for a record being added, the model's own check cannot look them up
yet)."""

import datetime

import pytest

from partnerships.models import (
    Board,
    Decision,
    Organisation,
    OrganisationIdentifier,
    TermsOfReference,
)
from tests import factories
from tests.helpers.admin_forms import (
    add_page_data,
    add_rows,
    add_url,
    change_url,
    inline_errors,
    page_data,
)

# --- terms of reference on the board page -------------------------------------------------------

RATIFIED = {"status": "ratified", "voting": "unknown"}


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


# --- organisation codes -------------------------------------------------------------------------


def organisation_of(own):
    return factories.OrganisationFactory(system=own.system, name="Own Trust", slug="own-trust")


def code(scheme, value, start="", end=""):
    return {"scheme": scheme, "code": value, "valid_from": start, "valid_to": end}


@pytest.mark.django_db
def test_the_same_code_twice_on_a_new_organisation_is_an_error(login, own):
    client = login("secretariat-own")
    data = add_page_data(client, organisation_of(own), name="New Trust", slug="new-trust")
    add_rows(data, "identifiers", [code("ods", "RXX"), code("ods", "RXX")])
    response = client.post(add_url(Organisation), data)
    errors = inline_errors(response, "identifiers")
    assert any(f == "code" and "RXX" in m for f, m in errors), errors
    assert not Organisation.objects.filter(slug="new-trust").exists()
    assert not OrganisationIdentifier.objects.exists()


@pytest.mark.django_db
def test_two_codes_of_one_scheme_at_once_are_an_error(login, own):
    organisation = organisation_of(own)
    client = login("secretariat-own")
    url = change_url(organisation)
    data = page_data(client.get(url))
    data["name"] = "Own Trust renamed"
    add_rows(
        data,
        "identifiers",
        [code("ods", "RAA", "2020-01-01", "2023-12-31"), code("ods", "RBB", "2023-06-01")],
    )
    errors = inline_errors(client.post(url, data), "identifiers")
    assert any(f == "valid_from" and "RAA" in m for f, m in errors), errors
    organisation.refresh_from_db()
    assert organisation.name == "Own Trust" and not organisation.identifiers.exists()


@pytest.mark.django_db
def test_a_code_that_follows_another_and_other_schemes_save(login, own):
    organisation = organisation_of(own)
    client = login("secretariat-own")
    url = change_url(organisation)
    data = page_data(client.get(url))
    add_rows(
        data,
        "identifiers",
        [
            code("ods", "RAA", "2020-01-01", "2023-05-31"),
            code("ods", "RBB", "2023-06-01"),
            code("gss", "E54000042"),
        ],
    )
    assert client.post(url, data).status_code == 302
    assert organisation.identifiers.count() == 3


@pytest.mark.django_db
def test_a_code_another_organisation_holds_is_an_error_on_the_code(login, own):
    factories.OrganisationIdentifierFactory(
        organisation=factories.OrganisationFactory(system=own.system), scheme="ods", code="RZZ"
    )
    organisation = organisation_of(own)
    client = login("secretariat-own")
    url = change_url(organisation)
    data = page_data(client.get(url))
    add_rows(data, "identifiers", [code("ods", "RZZ", "2024-01-01")])
    response = client.post(url, data)
    errors = inline_errors(response, "identifiers")
    assert errors, "the clash with another organisation's code was not reported"
    assert not organisation.identifiers.exists()


# --- unique numbering within a parent -----------------------------------------------------------


@pytest.mark.django_db
def test_the_same_person_twice_at_a_meeting_is_an_error(login, own):
    meeting = factories.MeetingFactory(board=own.board, date=datetime.date(2024, 1, 10))
    client = login("secretariat-own")
    url = change_url(meeting)
    data = page_data(client.get(url))
    person = own.membership.person_id
    add_rows(
        data,
        "attendance",
        [{"person": person, "status": "present"}, {"person": person, "status": "apologies"}],
    )
    errors = inline_errors(client.post(url, data), "attendance")
    assert any("person" in m or f == "person" for f, m in errors), errors
    assert not meeting.attendance.exists()


@pytest.mark.django_db
def test_two_decisions_with_one_number_on_a_new_meeting_are_an_error(login, own):
    client = login("secretariat-own")
    meeting = factories.MeetingFactory(board=own.board, title="Template meeting")
    data = add_page_data(client, meeting, title="New meeting", slug="new-meeting")
    add_rows(
        data, "decisions", [{"order": "1", "text": "Agreed."}, {"order": "1", "text": "Noted."}]
    )
    errors = inline_errors(client.post("/admin/partnerships/meeting/add/", data), "decisions")
    assert any("order" in m for f, m in errors), errors
    assert not Decision.objects.exists()
    assert not own.board.meetings.filter(slug="new-meeting").exists()


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


@pytest.mark.django_db
def test_ending_a_code_and_adding_the_next_in_one_save_works(login, own):
    organisation = organisation_of(own)
    old = factories.OrganisationIdentifierFactory(
        organisation=organisation, scheme="ods", code="RAA", valid_from=datetime.date(2020, 1, 1)
    )
    client = login("secretariat-own")
    url = change_url(organisation)
    data = page_data(client.get(url))
    data["identifiers-0-valid_to"] = "2023-05-31"
    add_rows(data, "identifiers", [code("ods", "RBB", "2023-06-01")])
    assert client.post(url, data).status_code == 302
    old.refresh_from_db()
    assert old.valid_to == datetime.date(2023, 5, 31)
    assert organisation.identifiers.count() == 2
    # Not ending it is still an error, and so is another organisation's code.
    data = page_data(client.get(url))
    data["identifiers-0-valid_to"] = ""
    errors = inline_errors(client.post(url, data), "identifiers")
    assert any(f == "valid_from" and "RAA" in m for f, m in errors), errors
    factories.OrganisationIdentifierFactory(
        organisation=factories.OrganisationFactory(system=own.system, name="Next Door Trust"),
        scheme="gss",
        code="E54000042",
    )
    data = page_data(client.get(url))
    add_rows(data, "identifiers", [code("gss", "E54000042", "2024-01-01")])
    errors = inline_errors(client.post(url, data), "identifiers")
    assert any(f == "code" and "Next Door Trust" in m for f, m in errors), errors
    assert organisation.identifiers.count() == 2
