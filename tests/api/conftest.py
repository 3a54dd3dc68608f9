import pytest
from rest_framework.test import APIClient

from tests import factories


@pytest.fixture
def api():
    """An anonymous client: what a council website or an analyst sees."""
    return APIClient()


@pytest.fixture
def staff_api(db):
    """A superuser logged in through the admin session: sees every unpublished record."""
    client = APIClient()
    client.force_login(
        factories.UserFactory(username="registry-admin", is_staff=True, is_superuser=True)
    )
    return client


def results(response):
    assert response.status_code == 200, response.content[:500]
    return response.json()["results"]


def slugs(response):
    return [row["slug"] for row in results(response)]
