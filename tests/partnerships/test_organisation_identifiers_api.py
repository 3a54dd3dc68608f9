"""Organisations' official codes through the API: a resource of their own (filtered by
organisation, scheme, code, and as at a date by their days valid) and still nested in their
organisation; the codes of an unpublished organisation stay private."""

import datetime

import pytest

from tests import factories
from tests.helpers.api import results

D = datetime.date


@pytest.fixture
def icb(db):
    icb = factories.OrganisationFactory(slug="hiow-icb", name="NHS Hampshire and Isle of Wight ICB")
    factories.OrganisationIdentifierFactory(
        organisation=icb, scheme="ods", code="QRL", valid_from=D(2022, 7, 1)
    )
    factories.OrganisationIdentifierFactory(
        organisation=icb,
        scheme="gss",
        code="E54000042",
        valid_from=D(2022, 7, 1),
        valid_to=D(2026, 3, 31),
    )
    factories.OrganisationIdentifierFactory(
        organisation=icb, scheme="gss", code="E54000099", valid_from=D(2026, 4, 1)
    )
    return icb


def codes(response):
    return [row["code"] for row in results(response)]


def test_a_code_names_its_organisation_scheme_and_days_valid(api, icb):
    identifier = icb.identifiers.get(code="E54000042")
    row = api.get(f"/api/v1/organisation-identifiers/{identifier.pk}/").json()
    assert row["organisation"]["slug"] == "hiow-icb"
    assert (row["scheme"], row["code"]) == ("gss", "E54000042")
    assert (row["valid_from"], row["valid_to"]) == ("2022-07-01", "2026-03-31")
    assert {"source", "source_section", "known_as_of", "source_note"} <= set(row)


def test_codes_filter_by_organisation_scheme_and_code(api, icb):
    factories.OrganisationIdentifierFactory(code="R1A")
    url = "/api/v1/organisation-identifiers/"
    assert codes(api.get(f"{url}?organisation=hiow-icb&ordering=code")) == [
        "E54000042",
        "E54000099",
        "QRL",
    ]
    assert codes(api.get(f"{url}?organisation=hiow-icb&scheme=gss&ordering=-code")) == [
        "E54000099",
        "E54000042",
    ]
    assert codes(api.get(f"{url}?code=qrl")) == ["QRL"]
    assert codes(api.get(f"{url}?system={icb.system.slug}&scheme=ods")) == ["QRL"]
    assert api.get(f"{url}?scheme=nhs").status_code == 400


def test_codes_as_at_a_date_come_from_their_days_valid(api, icb):
    url = "/api/v1/organisation-identifiers/?organisation=hiow-icb&scheme=gss"
    assert codes(api.get(f"{url}&as_at=2026-03-31")) == ["E54000042"]
    assert codes(api.get(f"{url}&as_at=2026-04-01")) == ["E54000099"]
    assert codes(api.get(f"{url}&as_at=2022-06-30")) == []
    bad = api.get(f"{url}&as_at=2026-02-30")
    assert bad.status_code == 400
    assert bad.json()["detail"].startswith("as_at:")


def test_codes_stay_nested_in_their_organisation(api, icb):
    row = api.get("/api/v1/organisations/hiow-icb/").json()
    assert sorted(c["code"] for c in row["identifiers"]) == ["E54000042", "E54000099", "QRL"]
    nested = next(c for c in row["identifiers"] if c["code"] == "QRL")
    assert nested["url"] == f"http://testserver/api/v1/organisation-identifiers/{nested['id']}/"
    assert api.get(nested["url"]).json()["code"] == "QRL"


def test_an_unpublished_organisations_codes_are_private(api, staff_api):
    hidden = factories.OrganisationIdentifierFactory(
        code="HIDDEN1", organisation__is_published=False
    )
    synthetic = factories.OrganisationIdentifierFactory(
        code="SYNTH1", organisation__system__is_synthetic=True
    )
    for identifier in (hidden, synthetic):
        assert api.get(f"/api/v1/organisation-identifiers/{identifier.pk}/").status_code == 404
        assert (
            staff_api.get(f"/api/v1/organisation-identifiers/{identifier.pk}/").status_code == 200
        )
    assert codes(api.get("/api/v1/organisation-identifiers/")) == []
