"""The roles through the API, as the admin applies them: staff with a role on one system see
that system's unpublished records, and nothing unpublished of any other system; and the write
permission matrix — every role creating, changing and deleting each kind of record in its own
system and in another, with nothing changed when it is refused."""

from types import SimpleNamespace

import pytest
from rest_framework.test import APIClient

from icsgov.access import AccessRole, SystemAccess
from partnerships.models import Meeting, Membership, Person, Post
from strategy.models import Milestone
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


# For each resource: the data to create a record in a system, the record to change, the change,
# and the record to delete.
RESOURCES = {
    "people": SimpleNamespace(
        create=lambda s: {"name": "New Person", "email": "new@example.nhs.uk"},
        target=lambda s: s.person,
        change={"biography": "Changed."},
        doomed=lambda s: s.person,
    ),
    "posts": SimpleNamespace(
        create=lambda s: {"board": s.board.slug, "label": "New seat", "places": 2},
        target=lambda s: s.post,
        change={"label": "Renamed seat"},
        doomed=lambda s: s.empty_post,
    ),
    "memberships": SimpleNamespace(
        create=lambda s: {
            "person": s.loose_person.slug,
            "post": s.post.slug,
            "start_date": "2024-01-01",
        },
        target=lambda s: s.membership,
        change={"end_date": "2025-03-31"},
        doomed=lambda s: s.membership,
    ),
    "meetings": SimpleNamespace(
        create=lambda s: {"board": s.board.slug, "title": "Extra meeting", "date": "2024-02-01"},
        target=lambda s: s.meeting,
        change={"title": "Renamed meeting"},
        doomed=lambda s: s.meeting,
    ),
    "attendance": SimpleNamespace(
        # Someone with no appointment to the body is recorded as in attendance (not a member).
        create=lambda s: {
            "meeting": s.meeting.slug,
            "person": s.loose_person.slug,
            "status": "in_attendance",
        },
        target=lambda s: s.attendance,
        change={"status": "apologies"},
        doomed=lambda s: s.attendance,
    ),
    "decisions": SimpleNamespace(
        create=lambda s: {"meeting": s.meeting.slug, "order": 2, "text": "Agreed the plan."},
        target=lambda s: s.decision,
        change={"text": "Agreed the revised plan."},
        doomed=lambda s: s.decision,
    ),
    "milestones": SimpleNamespace(
        create=lambda s: {
            "title": "Go live",
            "date": "2024-04-01",
            "scope": "system",
            "system": s.system.slug,
        },
        target=lambda s: s.milestone,
        change={"title": "Go live (moved)"},
        doomed=lambda s: s.milestone,
    ),
}


def address(obj):
    return getattr(obj, "slug", None) or obj.pk


# role, which system's records it acts on, expected create/update/delete statuses
ROLES = [
    ("anonymous", "own", 401, 401, 401),
    ("viewer", "own", 403, 403, 403),
    # Public records are withdrawn or ended, not deleted, except by superusers: a secretariat
    # client's DELETE is a 403 that says what to do instead.
    ("secretariat", "own", 201, 200, 403),
    # Naming another system's record in a write is a 400 that reveals nothing of it (it is as
    # unknown as a misspelt slug); changing or deleting one the client can see is a 403.
    ("secretariat", "other", 400, 403, 403),
    ("superuser", "other", 201, 200, 204),
]


EXCEPTIONS = {
    # A new person names no system's record: they go in the writer's own system.
    ("people", "secretariat", "other", "create"): 201,
    # A person still appointed is on the record: end the appointments first.
    ("people", "secretariat", "own", "delete"): 409,
    ("people", "superuser", "other", "delete"): 409,
    # Ending an appointment is an edit, never a delete.
    ("memberships", "secretariat", "own", "delete"): 405,
    ("memberships", "secretariat", "other", "delete"): 405,
    ("memberships", "superuser", "other", "delete"): 405,
}


MATRIX = [
    (resource, role, where, action, EXCEPTIONS.get((resource, role, where, action), expected))
    for resource in RESOURCES
    for role, where, *statuses in ROLES
    for action, expected in zip(("create", "update", "delete"), statuses, strict=True)
]


@pytest.mark.parametrize(
    ("resource", "role", "where", "action", "expected"),
    MATRIX,
    ids=[f"{r}-{role}-{where}-{a}" for r, role, where, a, _ in MATRIX],
)
def test_write_permission_matrix(api_world, as_role, resource, role, where, action, expected):
    client = as_role(role)
    spec, system = RESOURCES[resource], getattr(api_world, where)
    model_counts = {m: m.objects.count() for m in (Person, Post, Membership, Meeting, Milestone)}
    if action == "create":
        response = client.post(f"/api/v1/{resource}/", spec.create(system), format="json")
    elif action == "update":
        obj = spec.target(system)
        response = client.patch(f"/api/v1/{resource}/{address(obj)}/", spec.change, format="json")
    else:
        obj = spec.doomed(system)
        response = client.delete(f"/api/v1/{resource}/{address(obj)}/")
    assert response.status_code == expected, response.content[:400]
    if expected >= 400:
        body = response.json()
        assert body["detail"]
        # Nothing changed.
        assert model_counts == {m: m.objects.count() for m in model_counts}
        if action == "update":
            obj.refresh_from_db()
            for field, value in spec.change.items():
                assert str(getattr(obj, field)) != value
    elif action == "update":
        obj.refresh_from_db()
        for field, value in spec.change.items():
            assert str(getattr(obj, field)) == value
        assert response.json()["url"].endswith(f"/{address(obj)}/")
    elif action == "create":
        assert response.json()["url"]
    else:
        model = type(obj)
        assert not model.objects.filter(pk=obj.pk).exists()
