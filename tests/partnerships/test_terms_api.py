"""Terms of reference through the API: a draft is never in force."""

import datetime

import pytest

from tests import factories
from tests.helpers.api import slugs

START = datetime.date(2022, 11, 1)


@pytest.mark.django_db
def test_draft_terms_are_never_in_force(staff_api):
    draft = factories.TermsOfReferenceFactory(status="draft", in_force_from=START)
    assert draft.slug in slugs(staff_api.get("/api/v1/terms-of-reference/"))
    assert draft.slug not in slugs(staff_api.get("/api/v1/terms-of-reference/?as_at=2023-01-01"))
