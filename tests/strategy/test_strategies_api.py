"""Strategies through the API: priorities (and glossary terms) are addressed by id."""

import pytest

from tests import factories
from tests.helpers.api import results


@pytest.mark.django_db
def test_priorities_and_glossary_are_addressed_by_id(api):
    priority = factories.PriorityFactory(name="Workforce")
    row = api.get(f"/api/v1/priorities/{priority.pk}/").json()
    assert row["id"] == priority.pk
    assert row["strategy"]["slug"] == priority.strategy.slug
    term = factories.GlossaryTermFactory(term="Integrated care partnership", acronym="ICP")
    assert [r["id"] for r in results(api.get("/api/v1/glossary/?q=icp"))] == [term.pk]
