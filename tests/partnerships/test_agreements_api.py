"""Agreements through the API: kind, status, parties, value and dates with their precision, the
body overseeing it; filtered by system, kind, status, party, body and as at a date. A private
party is left out and a private overseeing body is null; a synthetic system's agreements are
never public."""

import datetime

import pytest

from icsgov.core.dates import DatePrecision
from tests import factories
from tests.helpers.api import results, slugs

D = datetime.date


@pytest.fixture
def pooled_budget(db):
    system = factories.SystemFactory(slug="hw")
    council = factories.OrganisationFactory(system=system, slug="worcestershire-cc")
    icb = factories.OrganisationFactory(system=system, slug="hw-icb")
    board = factories.BoardFactory(system=system, slug="worcestershire-hwb")
    agreement = factories.AgreementFactory(
        system=system,
        slug="better-care-fund",
        name="Better Care Fund section 75 agreement",
        kind="section_75",
        status="active",
        overseen_by=board,
        value_gbp=140_000_000,
        value_note="c.£140m",
        start_date=D(2023, 4, 1),
        start_precision=DatePrecision.MONTH,
        end_date=D(2024, 3, 31),
        end_precision=DatePrecision.DAY,
    )
    agreement.parties.set([council, icb])
    return agreement


def test_an_agreement_in_full(api, pooled_budget):
    row = api.get("/api/v1/agreements/better-care-fund/").json()
    assert row["kind"] == "section_75"
    assert row["status"] == "active"
    assert row["system"]["slug"] == "hw"
    assert sorted(p["slug"] for p in row["parties"]) == ["hw-icb", "worcestershire-cc"]
    assert row["parties"][0]["url"].startswith("http://testserver/api/v1/organisations/")
    assert row["overseen_by"]["slug"] == "worcestershire-hwb"
    assert (row["value_gbp"], row["value_note"]) == (140_000_000, "c.£140m")
    assert (row["start_date"], row["start_precision"]) == ("2023-04-01", "month")
    assert (row["end_date"], row["end_precision"]) == ("2024-03-31", "day")
    assert {"source", "source_section", "known_as_of"} <= set(row)


def test_agreements_filter_by_kind_status_party_body_and_text(api, pooled_budget):
    factories.AgreementFactory(slug="mou", kind="mou", status="proposed")
    url = "/api/v1/agreements/"
    assert slugs(api.get(f"{url}?kind=section_75")) == ["better-care-fund"]
    assert slugs(api.get(f"{url}?kind=mou&kind=section_75&ordering=name")) == [
        "better-care-fund",
        "mou",
    ]
    assert slugs(api.get(f"{url}?status=proposed")) == ["mou"]
    assert slugs(api.get(f"{url}?organisation=worcestershire-cc")) == ["better-care-fund"]
    assert slugs(api.get(f"{url}?board=worcestershire-hwb")) == ["better-care-fund"]
    assert slugs(api.get(f"{url}?system=hw")) == ["better-care-fund"]
    assert slugs(api.get(f"{url}?q=140m")) == ["better-care-fund"]
    assert slugs(api.get(f"{url}?ordering=-value_gbp"))[0] == "mou"  # no value: nulls first
    assert api.get(f"{url}?kind=treaty").status_code == 400


def test_agreements_as_at_a_date(api, pooled_budget):
    url = "/api/v1/agreements/?system=hw"
    assert slugs(api.get(f"{url}&as_at=2023-04-01")) == ["better-care-fund"]
    assert slugs(api.get(f"{url}&as_at=2024-04-01")) == []
    assert slugs(api.get(f"{url}&current=false")) == ["better-care-fund"]
    assert api.get(f"{url}&as_at=1900-01-01").status_code == 400


def test_a_private_party_is_left_out_and_a_private_body_is_null(api, staff_api, pooled_budget):
    hidden_org = factories.OrganisationFactory(
        system=pooled_budget.system, slug="hidden-org", is_published=False
    )
    pooled_budget.parties.add(hidden_org)
    pooled_budget.overseen_by.is_published = False
    pooled_budget.overseen_by.save()
    row = api.get("/api/v1/agreements/better-care-fund/").json()
    assert sorted(p["slug"] for p in row["parties"]) == ["hw-icb", "worcestershire-cc"]
    assert row["overseen_by"] is None
    staff_row = staff_api.get("/api/v1/agreements/better-care-fund/").json()
    assert "hidden-org" in [p["slug"] for p in staff_row["parties"]]
    assert staff_row["overseen_by"]["slug"] == "worcestershire-hwb"
    assert api.get("/api/v1/agreements/?organisation=hidden-org").status_code == 400


def test_a_synthetic_systems_agreements_are_never_public(api, staff_api, pooled_budget):
    factories.AgreementFactory(slug="synthetic-agreement", system__is_synthetic=True)
    assert slugs(api.get("/api/v1/agreements/")) == ["better-care-fund"]
    assert api.get("/api/v1/agreements/synthetic-agreement/").status_code == 404
    assert "synthetic-agreement" in [
        r["slug"] for r in results(staff_api.get("/api/v1/agreements/"))
    ]
