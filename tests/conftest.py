"""Fixtures every test may use: two systems (``own`` and ``other``), each with a board, a seat
and an appointment; a staff user for every role; clients logged in as them (admin session) or
holding their API token; anonymous and superuser API clients (``api``, ``staff_api``); and the
fuller two-system world the API write tests act on (``api_world``, ``as_role``); and the real
seed data for a module that only reads it (``seeded``)."""

import io
import os
import shutil
import tempfile
import threading
import time
import warnings
from pathlib import Path
from types import SimpleNamespace

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from icsgov.access import AccessRole, SystemAccess
from tests import factories

#: A folder shared by every test process of one run (pytest-xdist's workers inherit the
#: variable from the process that starts them), for what is made once for all of them.
SHARED = "ICSGOV_TESTS_SHARED_DIR"


def _name_the_connection(sender, connection, **kwargs):
    """Each connection the tests open is named (``application_name``) for the thread that opened
    it and the test then running (the process's: a live server's request thread is named for
    the test running meanwhile), so that one left open can be traced
    (``served_test_database``). Set on the driver's own cursor: it is not one of the test's
    queries."""
    test = os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" ", 1)[0].rsplit("/", 1)[-1]
    thread = threading.current_thread().name[:24]
    name = f"{thread} {test[len(thread) - 62 :] if len(test) > 62 - len(thread) else test}"
    with connection.connection.cursor() as cursor:  # Postgres keeps 63 bytes of it
        cursor.execute("SELECT set_config('application_name', %s, false)", [name])


def pytest_configure(config):
    from django.db.backends.signals import connection_created

    connection_created.connect(_name_the_connection, dispatch_uid="icsgov-tests-name")
    if not hasattr(config, "workerinput"):  # the process that starts the run (and its workers)
        os.environ[SHARED] = tempfile.mkdtemp(prefix="icsgov-tests-")
        config._icsgov_shared = Path(os.environ[SHARED])


def pytest_unconfigure(config):
    shared = getattr(config, "_icsgov_shared", None)
    if shared is not None:  # the process that made it, after every worker has finished
        from icsgov.database import EmbeddedServer

        # Any server a worker left running (one stopped short by Ctrl-C, say) is stopped.
        for pid_file in shared.rglob("postmaster.pid"):
            EmbeddedServer(pid_file.parent).stop("immediate")
        shutil.rmtree(shared, ignore_errors=True)
        del os.environ[SHARED]


def shared_dir():
    if SHARED not in os.environ:
        raise RuntimeError(
            f"{SHARED} is not set: tests/conftest.py's pytest_configure sets it for the run."
        )
    return Path(os.environ[SHARED])


@pytest.fixture(scope="session")
def served_test_database(django_db_setup, django_db_blocker):
    """The test database, for the session's live server and browser: set up before them, so
    torn down after them. Before it is dropped, every other connection to it should be closed
    (the live server's request threads close theirs when the browser lets go of its sockets).
    One that is still open after two seconds is reported, with when it was opened and its last
    statement, and ended, so that the database is dropped rather than left behind (under
    pytest-xdist one worker's run has ended with an idle connection whose last statement was a
    ROLLBACK, opened mid-run; where it comes from is not yet known)."""
    yield
    from django.db import connection, connections

    connections.close_all()  # this thread's own, to every alias
    others = (
        "FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
    )
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        for _ in range(20):
            cursor.execute(
                f"SELECT application_name, backend_start, state, left(query, 200) {others}"
            )
            left = cursor.fetchall()
            if not left:
                break
            time.sleep(0.1)
        else:
            warnings.warn(
                f"{len(left)} connection(s) to the test database still open after the live "
                f"server and the browser stopped (thread and test that opened it, when, state, "
                f"last statement): {left}; "
                "ended so that the database can be dropped",
                stacklevel=1,
            )
            cursor.execute(f"SELECT pg_terminate_backend(pid) {others}")
    connection.close()


@pytest.fixture(scope="session")
def live_server(served_test_database, live_server):
    """pytest-django's live server, started after the test database is made (and so stopped
    before it is dropped)."""
    return live_server


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Hashing a test user's password at full strength costs ~0.3 s; the suite makes many.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def browser(served_test_database):
    """One Chromium for the session, for tests/browser and tests/ops alike: Playwright's sync API
    cannot run twice at once in one thread, so the fixture lives where both folders find it."""
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, _skip_reason

    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    executable = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def no_api_throttling(monkeypatch):
    """The API's rate limits (settings.REST_FRAMEWORK) would count the suite's many requests from
    one address; tests/ops/test_throttling.py sets its own. DRF reads the rates once, into this
    class attribute, so that is where they are changed."""
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": None, "user": None})


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


def make_api_system(name):
    """A system with a record of each kind the API writes: a body, a three-place seat with an
    appointment, an empty seat, a meeting with an attendance and a decision, a milestone, and a
    person added in the system but appointed nowhere yet."""
    system = factories.SystemFactory(slug=name)
    board = factories.BoardFactory(system=system, slug=f"{name}-board")
    post = factories.PostFactory(board=board, slug=f"{name}-seat", places=3)
    person = factories.PersonFactory(slug=f"{name}-person")
    membership = factories.MembershipFactory(post=post, person=person, slug=f"{name}-membership")
    meeting = factories.MeetingFactory(board=board, slug=f"{name}-meeting")
    return SimpleNamespace(
        system=system,
        board=board,
        post=post,
        person=person,
        membership=membership,
        meeting=meeting,
        empty_post=factories.PostFactory(board=board, slug=f"{name}-empty-seat"),
        attendance=factories.AttendanceFactory(
            meeting=meeting, person=person, membership=membership
        ),
        decision=factories.DecisionFactory(meeting=meeting, order=1),
        milestone=factories.MilestoneFactory(system=system, slug=f"{name}-milestone"),
        # Added in the system, appointed nowhere yet.
        loose_person=factories.PersonFactory(slug=f"{name}-loose-person", system=system),
    )


@pytest.fixture
def api_world(db):
    """Systems ``own`` and ``other``, each made by :func:`make_api_system`."""
    return SimpleNamespace(own=make_api_system("own"), other=make_api_system("other"))


@pytest.fixture
def as_role(api_world):
    """``as_role("secretariat")``: an API client with the token of a user holding that role on
    ``api_world.own`` ("anonymous", "viewer", "secretariat" or "superuser")."""

    def client_for(role):
        if role == "anonymous":
            return token_client()
        if role == "superuser":
            return token_client(
                factories.UserFactory(username="root", is_staff=True, is_superuser=True)
            )
        kind = AccessRole.VIEWER if role == "viewer" else AccessRole.SECRETARIAT
        return token_client(staff_user(role, kind, api_world.own.system))

    return client_for


def _load_seed():
    from django.core.management import call_command

    call_command("load_seed", stdout=io.StringIO())


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The real seed data — the papers and the national directory of ICBs — committed before the
    module's first test and flushed after its last: the seed tests and the seed-page crawls only
    read it, and loading it takes seconds."""
    from tests.helpers.shared_data import committed

    yield from committed(django_db_blocker, _load_seed)
