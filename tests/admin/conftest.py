"""Two systems, each with a board, a seat and an appointment, and a user for every role."""

from types import SimpleNamespace

import pytest

from icsgov.access import AccessRole, SystemAccess
from tests import factories


def make_system(name):
    system = factories.SystemFactory(name=f"{name} Integrated Care System", short_name=name)
    board = factories.BoardFactory(system=system, name=f"{name} Partnership Board")
    post = factories.PostFactory(board=board, label=f"{name} Healthwatch representative")
    membership = factories.MembershipFactory(
        post=post, person=factories.PersonFactory(name=f"{name} Member")
    )
    return SimpleNamespace(system=system, board=board, post=post, membership=membership)


def staff_user(username, role=None, system=None):
    user = factories.UserFactory(username=username, is_staff=True)
    if role:
        SystemAccess.objects.create(user=user, system=system, role=role)
    return user


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Hashing a test user's password at full strength costs ~0.3 s; these tests make many.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def own(db):
    return make_system("Own")


@pytest.fixture
def other(db):
    return make_system("Other")


@pytest.fixture
def users(own, other, superuser):
    return {
        "superuser": superuser,
        "secretariat-own": staff_user("sec-own", AccessRole.SECRETARIAT, own.system),
        "secretariat-other": staff_user("sec-other", AccessRole.SECRETARIAT, other.system),
        "viewer-own": staff_user("view-own", AccessRole.VIEWER, own.system),
        "viewer-other": staff_user("view-other", AccessRole.VIEWER, other.system),
    }


@pytest.fixture
def login(client, users):
    def as_role(role):
        client.force_login(users[role])
        return client

    return as_role
