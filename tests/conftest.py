"""Fixtures every test may use: two systems (``own`` and ``other``), each with a board, a seat
and an appointment; a staff user for every role; clients logged in as them (admin session) or
holding their API token."""

from types import SimpleNamespace

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from icsgov.access import AccessRole, SystemAccess
from tests import factories


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Hashing a test user's password at full strength costs ~0.3 s; the suite makes many.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def superuser(db):
    return factories.UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


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


def token_client(user=None):
    """An API client sending ``user``'s token (anonymous without one)."""
    client = APIClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def api_as(users):
    """``api_as("secretariat-own")``: an API client with that role's token."""

    def as_role(role):
        return token_client(None if role == "anonymous" else users[role])

    return as_role
