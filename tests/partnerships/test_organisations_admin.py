"""Organisations' official codes on the organisation's page: two rows that clash with each other
or with another organisation's code are a form error on the right field, with nothing of the
page saved; a code that follows another (also ended and added in one save) saves."""

import datetime

import pytest

from partnerships.models import Organisation, OrganisationIdentifier
from tests import factories
from tests.helpers.admin_forms import (
    add_page_data,
    add_rows,
    add_url,
    change_url,
    inline_errors,
    page_data,
)


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
