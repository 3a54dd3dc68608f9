"""``make run`` serves as production does: gunicorn with its workers, DEBUG off, collected static
files with hashed names (compressed, cached for a year), the NHS-styled error pages, security
headers, and one JSON log line per request carrying the request id the response names."""

import json
import re
import subprocess

import pytest

from icsgov.database import EmbeddedServer
from tests.ops.conftest import (
    ROOT,
    copy_of,
    free_port,
    get,
    process_env,
    stop_process,
    wait_until_serving,
)


@pytest.fixture(scope="module")
def make_run(migrated_template, ops_tmp):
    pgdata = copy_of(migrated_template, ops_tmp)
    work = pgdata.parent
    port = free_port()
    log = work / "make-run.log"
    env = process_env(
        pgdata, HOST="127.0.0.1", PORT=port, DJANGO_STATIC_ROOT=work / "static", WEB_CONCURRENCY=2
    )
    with open(log, "w") as out:
        process = subprocess.Popen(
            ["make", "run"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url + "/healthz", process, log, timeout=180)
        yield url, log, process, pgdata
    finally:
        stop_process(process)
        EmbeddedServer(pgdata).stop("immediate")


def test_it_says_where_and_how_to_sign_in(make_run):
    url, log, _, _ = make_run
    output = log.read_text()
    assert f"ICS governance registry: {url}/" in output
    assert f"{url}/admin/" in output
    assert "admin / registry-dev-login" in output
    assert output.count("Booting worker") == 2  # WEB_CONCURRENCY


def test_static_files_have_hashed_names_compression_and_a_long_cache_life(make_run):
    url, _, _, _ = make_run
    status, _, body = get(url + "/")
    assert status == 200
    page = body.decode()
    css = re.search(r'href="(/static/nhsuk/nhsuk-frontend\.min\.[0-9a-f]{12}\.css)"', page)
    script = re.search(r'src="(/static/icsgov/init\.[0-9a-f]{12}\.js)"', page)
    assert css and script, "static URLs are not the hashed names collectstatic wrote"

    status, headers, _ = get(url + css[1], headers={"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]
    assert "max-age=315360000" in headers["Cache-Control"]

    # The module script imports the frontend by its hashed name too.
    _, _, module = get(url + script[1])
    assert re.search(rb"nhsuk-frontend\.min\.[0-9a-f]{12}\.js", module)


def test_faults_show_the_nhs_pages_never_a_traceback(make_run):
    url, _, _, _ = make_run
    for path in ["/meetings/?system=%00", "/no-such-page/", "/boards/%00/"]:
        status, headers, body = get(url + path)
        page = body.decode()
        assert status in (400, 404, 500), path
        assert "nhsuk-header" in page, path
        assert "Traceback" not in page and "DEBUG = True" not in page, path
    status, _, body = get(url + "/no-such-page/")
    assert status == 404
    assert "Page not found" in body.decode()


def test_security_headers_and_a_nonce_for_the_inline_script(make_run):
    url, _, _, _ = make_run
    _, headers, body = get(url + "/")
    policy = headers["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy)[1]
    assert f'nonce="{nonce}"' in body.decode()
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"


def test_each_request_is_one_json_log_line_with_the_id_the_response_names(make_run):
    url, log, _, _ = make_run
    _, headers, _ = get(url + "/glossary/")
    request_id = headers["X-Request-ID"]
    _, upstream, _ = get(url + "/glossary/", headers={"X-Request-ID": "from-the-load-balancer"})
    assert upstream["X-Request-ID"] == "from-the-load-balancer"

    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    finished = [line for line in lines if line["event"] == "request_finished"]
    mine = [line for line in finished if line.get("request_id") == request_id]
    assert len(mine) == 1
    assert mine[0]["code"] == 200
    assert mine[0]["request"] == "GET /glossary/"
    assert isinstance(mine[0]["duration_ms"], int)
    assert any(line.get("request_id") == "from-the-load-balancer" for line in finished)
    # gunicorn's own lines are JSON too; each worker, once loaded, froze what it loaded
    # (icsgov/deploy/memory.py), the registry's addresses with it.
    assert any(line["logger"] == "gunicorn.error" for line in lines)
    frozen = [line for line in lines if "kept out of the garbage collector" in line["event"]]
    assert len(frozen) >= 2  # WEB_CONCURRENCY=2


def test_the_admin_asks_for_a_login(make_run):
    url, _, _, _ = make_run
    status, headers, _ = get(url + "/admin/")
    assert status == 302 and headers["Location"].startswith("/admin/login/")
    status, _, body = get(url + "/admin/login/")
    assert status == 200 and b"Log in" in body


def test_stopping_it_stops_the_embedded_database(make_run):
    """Last: the process manager's SIGTERM ends gunicorn, whose workers stop the database."""
    url, log, process, pgdata = make_run
    assert EmbeddedServer(pgdata).is_running()
    stop_process(process)
    assert process.returncode is not None
    assert not EmbeddedServer(pgdata).is_running(), log.read_text()[-2000:]
