"""Terms of reference through the API: a draft is never in force; clauses are a resource of
their own (by id, filtered by body, version and topic) as well as nested in their version, and a
draft's clauses are never public."""

import datetime

import pytest

from tests import factories
from tests.helpers.api import results, slugs

START = datetime.date(2022, 11, 1)


@pytest.mark.django_db
def test_draft_terms_are_never_in_force(staff_api):
    draft = factories.TermsOfReferenceFactory(status="draft", in_force_from=START)
    assert draft.slug in slugs(staff_api.get("/api/v1/terms-of-reference/"))
    assert draft.slug not in slugs(staff_api.get("/api/v1/terms-of-reference/?as_at=2023-01-01"))


@pytest.mark.django_db
def test_clauses_filter_by_body_version_and_topic(api):
    terms = factories.TermsOfReferenceFactory(board__slug="hiow-icp", version="1.0")
    quorum = factories.TermsClauseFactory(
        terms=terms, order=2, topic="quoracy", heading="Quorum", text="Half the members."
    )
    factories.TermsClauseFactory(terms=terms, order=1, topic="membership")
    factories.TermsClauseFactory(topic="quoracy")
    rows = results(api.get("/api/v1/terms-clauses/?board=hiow-icp&ordering=order"))
    assert [r["order"] for r in rows] == [1, 2]
    assert rows[1]["terms"]["slug"] == terms.slug
    assert rows[1]["terms"]["version"] == "1.0"
    assert rows[1]["board"]["slug"] == "hiow-icp"
    assert {"source", "source_section", "known_as_of"} <= set(rows[1])
    got = results(api.get(f"/api/v1/terms-clauses/?terms={terms.slug}&topic=quoracy"))
    assert [r["id"] for r in got] == [quorum.pk]
    assert [r["heading"] for r in results(api.get("/api/v1/terms-clauses/?q=half"))] == ["Quorum"]
    nested = api.get(f"/api/v1/terms-of-reference/{terms.slug}/").json()["clauses"]
    assert [c["url"] for c in nested][1] == f"http://testserver/api/v1/terms-clauses/{quorum.pk}/"


@pytest.mark.django_db
def test_a_drafts_clauses_are_never_public(api, staff_api):
    clause = factories.TermsClauseFactory(terms__status="draft", terms__in_force_from=None)
    assert results(api.get("/api/v1/terms-clauses/")) == []
    assert api.get(f"/api/v1/terms-clauses/{clause.pk}/").status_code == 404
    assert staff_api.get(f"/api/v1/terms-clauses/{clause.pk}/").status_code == 200
