"""The embedded database cannot be bricked: whatever interrupts whichever process at whatever
moment, the next command starts or joins the server and runs its query.

Each process here imports the settings (which start or join the server, as every manage.py
command and gunicorn worker does), runs a query and exits (the last one out stops the server).
"""

import json
import os
import random
import select
import shutil
import signal
import subprocess
import tempfile
import time

from icsgov.database import EmbeddedServer, _end_processes_in
from tests.ops.conftest import PYTHON, ROOT, process_env

QUERY = """
import psycopg2
from icsgov import settings
db = settings.DATABASES["default"]
with psycopg2.connect(dbname=db["NAME"], user=db["USER"], **db["OPTIONS"]) as conn:
    with conn.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_database")
        print("ready", cursor.fetchone()[0], flush=True)
"""
#: How long the random interruptions go on; the whole test stays well under a minute and a half.
CHAOS_SECONDS = float(os.environ.get("ICSGOV_CHAOS_SECONDS", 40))


def spawn(pgdata):
    """The query in a new process; its stderr goes to a file, ``process.stderr_text()``."""
    errors = tempfile.TemporaryFile("w+")  # noqa: SIM115 (open as long as the process runs)
    process = subprocess.Popen(
        [PYTHON, "-c", QUERY],
        cwd=ROOT,
        env=process_env(pgdata),
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
        start_new_session=True,  # its own group, so a test can kill it with its children
    )
    process.stderr_text = lambda: (errors.seek(0), errors.read())[1]
    return process


def run_query(pgdata, timeout=90):
    process = spawn(pgdata)
    out, _ = process.communicate(timeout=timeout)
    return process.returncode, out + process.stderr_text()


def wait_for_ready(process, timeout):
    """True once the process has run its query (it is then exiting), False if it died first."""
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    return bool(ready) and process.stdout.readline().startswith("ready")


def postmaster_pid(pgdata):
    try:
        return int((pgdata / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def interrupt(process, how, rng, pgdata):
    """Send ``how`` to ``process`` (or its group, or the server) now."""
    try:
        if how == "SIGKILL group":
            os.killpg(process.pid, signal.SIGKILL)  # with its pg_ctl or initdb
        elif how == "SIGTERM twice":
            process.send_signal(signal.SIGTERM)
            time.sleep(rng.uniform(0, 0.05))
            process.send_signal(signal.SIGTERM)
        elif how == "SIGKILL server":
            pid = postmaster_pid(pgdata)
            if pid:
                os.kill(pid, signal.SIGKILL)
            process.send_signal(signal.SIGKILL)
        else:
            process.send_signal(getattr(signal, how))
    except ProcessLookupError:
        pass  # it finished first


def finish(process):
    try:
        process.wait(timeout=90)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise AssertionError("an interrupted process hung instead of exiting") from None
    finally:
        process.stdout.close()


def describe(pgdata):
    """The directory's state, for a failure's message."""
    listing = subprocess.run(
        ["ls", "-la", str(pgdata), str(pgdata / ".initdb")], capture_output=True, text=True
    )
    processes = subprocess.run(["ps", "-eo", "pid,ppid,user,args"], capture_output=True, text=True)
    ours = [line for line in processes.stdout.splitlines() if "postgres" in line]
    return listing.stdout + listing.stderr + "\n".join(ours)


def wipe(pgdata):
    """Remove the data directory, as on a fresh clone, first ending whatever an earlier kill
    left running in it (a server, an orphaned initdb)."""
    EmbeddedServer(pgdata).stop("immediate")
    _end_processes_in(pgdata / ".initdb")
    _end_processes_in(pgdata)
    shutil.rmtree(pgdata)


SIGNALS = ["SIGTERM", "SIGINT", "SIGKILL", "SIGTERM twice", "SIGKILL group", "SIGKILL server"]


def test_random_interruptions_of_start_up_and_shutdown_never_brick_it(new_pgdata):
    seed = int(os.environ.get("ICSGOV_CHAOS_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    log = []
    deadline = time.monotonic() + CHAOS_SECONDS
    while time.monotonic() < deadline:
        scenario = rng.choice(["start-up", "shutdown", "two at once", "fresh directory"])
        how = rng.choice(SIGNALS)
        log.append(f"{scenario}: {how}")
        if scenario == "fresh directory":
            # A new data directory, so that the kill lands in initdb or the move into place.
            wipe(new_pgdata)
            process = spawn(new_pgdata)
            time.sleep(rng.uniform(0, 1.2))
            interrupt(process, how, rng, new_pgdata)
            finish(process)
        elif scenario == "start-up":
            process = spawn(new_pgdata)
            time.sleep(rng.uniform(0, 0.8))
            interrupt(process, how, rng, new_pgdata)
            finish(process)
        elif scenario == "shutdown":
            process = spawn(new_pgdata)
            if wait_for_ready(process, 60):
                time.sleep(rng.uniform(0, 0.3))  # the exit hook is stopping the server
            interrupt(process, how, rng, new_pgdata)
            finish(process)
        else:
            # One is interrupted while the other starts, joins or stops; the other must succeed
            # (unless the server itself was killed under it).
            first = spawn(new_pgdata)
            time.sleep(rng.uniform(0, 0.6))
            second = spawn(new_pgdata)
            victim, survivor = rng.sample([first, second], 2)
            time.sleep(rng.uniform(0, 0.6))
            interrupt(victim, how, rng, new_pgdata)
            finish(victim)
            out, _ = survivor.communicate(timeout=90)
            if how != "SIGKILL server":
                assert survivor.returncode == 0 and out.startswith("ready"), (
                    f"seed {seed}: {log}\n{survivor.stderr_text()}\n{describe(new_pgdata)}"
                )

    returncode, out = run_query(new_pgdata)
    assert (returncode, out.split()[:1]) == (0, ["ready"]), (
        f"seed {seed}: {log}\n{out}\n{describe(new_pgdata)}"
    )
    # And the last one out stopped the server, as ever.
    assert not EmbeddedServer(new_pgdata).is_running(), f"seed {seed}: {log}"
    assert len(log) >= 15, log


def test_an_empty_or_corrupt_handle_list_is_repaired(new_pgdata):
    assert run_query(new_pgdata)[0] == 0
    handles = new_pgdata / ".handle_pids.json"
    for broken in ["", "[12, 3", "{}", '["x"]', "\x00\x00"]:
        handles.write_text(broken)
        assert run_query(new_pgdata)[0] == 0, broken
        assert json.loads(handles.read_text()) == []


def test_a_half_made_cluster_is_made_again(new_pgdata):
    """initdb killed part-way, or the move into place interrupted: no PG_VERSION yet."""
    assert run_query(new_pgdata)[0] == 0
    (new_pgdata / "PG_VERSION").unlink()
    (new_pgdata / "global" / "pg_control").unlink()
    (new_pgdata / ".initdb").mkdir()
    (new_pgdata / ".initdb" / "half-written").write_text("")

    returncode, out = run_query(new_pgdata)

    assert returncode == 0, out
    assert (new_pgdata / "PG_VERSION").exists()
    assert not (new_pgdata / ".initdb").exists()


def test_a_stale_postmaster_pid_naming_another_live_process_is_ignored(new_pgdata):
    """A killed server's pid reused by something else (here pid 1) is not a server."""
    assert run_query(new_pgdata)[0] == 0
    server = EmbeddedServer(new_pgdata)
    server.start()
    os.kill(postmaster_pid(new_pgdata), signal.SIGKILL)
    time.sleep(0.2)
    pid_file = new_pgdata / "postmaster.pid"
    if not pid_file.exists():  # too quick to see; write one as a killed server leaves it
        pid_file.write_text(f"1\n{new_pgdata}\n0\n5432\n{new_pgdata}\n\n0 0\nready\n")
    lines = pid_file.read_text().splitlines()
    pid_file.write_text("\n".join(["1", *lines[1:]]) + "\n")

    assert run_query(new_pgdata)[0] == 0


def test_a_server_left_running_by_a_killed_process_is_joined_then_stopped(new_pgdata):
    process = spawn(new_pgdata)
    assert wait_for_ready(process, 60)
    os.killpg(process.pid, signal.SIGKILL)  # before its exit hook could stop the server
    finish(process)
    assert EmbeddedServer(new_pgdata).is_running()

    assert run_query(new_pgdata)[0] == 0

    assert not EmbeddedServer(new_pgdata).is_running()
