"""Milestones through the API: national milestones are written by superusers only."""

import pytest

pytestmark = pytest.mark.django_db


def test_only_superusers_write_national_records(api_world, as_role):
    national = {"title": "National deadline", "date": "2024-07-01", "scope": "national"}
    secretariat = as_role("secretariat")
    assert secretariat.post("/api/v1/milestones/", national).status_code == 403
    response = secretariat.patch(
        f"/api/v1/milestones/{api_world.own.milestone.slug}/",
        {"scope": "national", "system": None},
        format="json",
    )
    assert response.status_code == 403
    api_world.own.milestone.refresh_from_db()
    assert api_world.own.milestone.system == api_world.own.system
    assert as_role("superuser").post("/api/v1/milestones/", national).status_code == 201
