"""Organisations through the API: the list filters by sector and system."""

import pytest

from partnerships.choices import Sector
from tests import factories
from tests.helpers.api import slugs


@pytest.mark.django_db
def test_organisations_filter_by_sector_and_system(api):
    council = factories.OrganisationFactory(sector=Sector.LOCAL_GOVERNMENT)
    factories.OrganisationFactory(sector=Sector.NHS)
    assert slugs(api.get("/api/v1/organisations/?sector=local_government")) == [council.slug]
    got = slugs(api.get(f"/api/v1/organisations/?system={council.system.slug}"))
    assert got == [council.slug]
