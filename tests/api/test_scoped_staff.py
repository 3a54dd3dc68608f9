"""Staff with a role on one system see that system's unpublished records through the API, and
nothing unpublished of any other system — the same scoping as the admin."""

import pytest
from rest_framework.test import APIClient

from icsgov.access import AccessRole, SystemAccess
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_systems():
    own, other = factories.SystemFactory(slug="own"), factories.SystemFactory(slug="other")
    factories.BoardFactory(system=own, slug="own-draft-board", is_published=False)
    other_board = factories.BoardFactory(system=other, slug="other-draft-board", is_published=False)
    person = factories.PersonFactory(email="private@example.nhs.uk")
    factories.MembershipFactory(person=person, post__board=other_board)
    return own, other_board


@pytest.mark.parametrize("role", [AccessRole.SECRETARIAT, AccessRole.VIEWER])
def test_role_holder_sees_own_unpublished_but_not_another_systems(two_systems, role):
    own, _ = two_systems
    user = factories.UserFactory(username=f"staff-{role}", is_staff=True)
    SystemAccess.objects.create(user=user, system=own, role=role)
    client = APIClient()
    client.force_login(user)

    listed = [row["slug"] for row in client.get("/api/v1/boards/").json()["results"]]
    assert "own-draft-board" in listed
    assert "other-draft-board" not in listed
    assert client.get("/api/v1/boards/other-draft-board/").status_code == 404
    assert "private@example.nhs.uk" not in client.get("/api/v1/people/").content.decode()


def test_staff_without_a_role_sees_only_the_public_record(two_systems):
    user = factories.UserFactory(username="staff-no-role", is_staff=True)
    client = APIClient()
    client.force_login(user)
    listed = [row["slug"] for row in client.get("/api/v1/boards/").json()["results"]]
    assert "own-draft-board" not in listed and "other-draft-board" not in listed


def test_signed_in_answers_are_never_publicly_cacheable(two_systems):
    user = factories.UserFactory(username="staff-cache", is_staff=True)
    client = APIClient()
    client.force_login(user)
    response = client.get("/api/v1/boards/")
    assert "private" in response["Cache-Control"]
