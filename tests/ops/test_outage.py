"""The database goes away under a running gunicorn and comes back: pages answer the NHS-styled
503, the API a JSON 503, both at once rather than hanging; /healthz stays up and /readyz says
not ready; when the database returns, the very next requests are served as usual."""

import json
import subprocess
import time

import pytest

from icsgov.database import EmbeddedServer
from tests.ops.conftest import (
    BIN,
    ROOT,
    free_port,
    get,
    process_env,
    stop_process,
    wait_until_serving,
)


@pytest.fixture
def gunicorn(migrated_pgdata, tmp_path):
    port = free_port()
    log = tmp_path / "gunicorn.log"
    env = process_env(migrated_pgdata, HOST="127.0.0.1", PORT=port, WEB_CONCURRENCY=2)
    with open(log, "w") as out:
        process = subprocess.Popen(
            [BIN / "gunicorn", "--config", "icsgov/deploy/gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url + "/readyz", process, log)
        yield url, EmbeddedServer(migrated_pgdata), log
    finally:
        stop_process(process)


def timed_get(url):
    started = time.monotonic()
    status, headers, body = get(url, timeout=20)
    return status, headers, body, time.monotonic() - started


def test_pages_and_api_answer_503_while_the_database_is_away_and_recover(gunicorn):
    url, database, log = gunicorn
    for _ in range(4):  # both workers hold a connection
        assert get(url + "/")[0] == 200
        assert get(url + "/api/v1/systems/")[0] == 200

    database.stop()
    for _ in range(4):
        status, headers, body, seconds = timed_get(url + "/glossary/")
        assert status == 503 and seconds < 10
        page = body.decode()
        assert "Sorry, the service is unavailable" in page
        assert "nhsuk-header" in page and "Traceback" not in page
        assert headers["Retry-After"] == "30"

        status, headers, body, seconds = timed_get(url + "/api/v1/systems/")
        assert status == 503 and seconds < 10
        assert headers["Content-Type"] == "application/json"
        assert json.loads(body) == {
            "detail": "The registry's database is unavailable. Try again in a minute."
        }
    assert get(url + "/healthz")[0] == 200
    status, _, body = get(url + "/readyz")
    assert status == 503
    assert json.loads(body)["checks"]["default"].startswith("unreachable")

    database.start()
    # No request fails on a dead connection left over from before: each is checked first.
    for _ in range(6):
        assert get(url + "/glossary/")[0] == 200
        assert get(url + "/api/v1/systems/")[0] == 200
    assert get(url + "/readyz")[0] == 200
    assert "OperationalError" in log.read_text()  # and the log says why
