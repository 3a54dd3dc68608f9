"""The glossary page."""

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


def test_glossary_explains_acronyms_but_not_synthetic_systems_terms(client):
    f.GlossaryTermFactory(term="Integrated care partnership", acronym="ICP")
    f.GlossaryTermFactory(term="Benchmark term", system=f.SystemFactory(is_synthetic=True))

    html = client.get("/glossary/").content.decode()

    assert "Integrated care partnership" in html and "ICP" in html
    assert "Benchmark term" not in html
