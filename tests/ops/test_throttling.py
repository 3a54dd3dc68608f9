"""API rate limits: anonymous clients by address, token users by user; over the limit a 429 with
Retry-After in the API's error format; the count shared by every application server."""

import subprocess

import psycopg2
import pytest
from rest_framework.authtoken.models import Token
from rest_framework.throttling import SimpleRateThrottle

from icsgov.database import EmbeddedServer
from tests import factories
from tests.ops.conftest import (
    BIN,
    ROOT,
    free_port,
    get,
    manage,
    process_env,
    stop_process,
    wait_until_serving,
)


@pytest.fixture
def low_rates(monkeypatch, db):
    from django.core.cache import cache

    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/min", "user": "5/min"})
    cache.clear()


def test_an_anonymous_client_over_its_rate_gets_a_429_with_retry_after(client, low_rates):
    for _ in range(3):
        assert client.get("/api/v1/systems/").status_code == 200
    response = client.get("/api/v1/systems/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert response.json()["detail"].startswith("Request was throttled.")
    # Another address has its own count; the public pages are not rate-limited.
    assert client.get("/api/v1/systems/", REMOTE_ADDR="10.0.0.2").status_code == 200
    assert client.get("/glossary/").status_code == 200


def test_a_token_user_has_its_own_higher_rate(client, low_rates):
    user = factories.UserFactory(username="secretary", is_staff=True)
    headers = {"Authorization": f"Token {Token.objects.create(user=user).key}"}
    for _ in range(5):
        assert client.get("/api/v1/systems/", headers=headers).status_code == 200
    response = client.get("/api/v1/systems/", headers=headers)
    assert response.status_code == 429
    assert "Retry-After" in response


def test_the_rates_come_from_the_environment():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings\n"
        "print(settings.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES'])",
        env=process_env(
            DATABASE_URL="postgres://nobody@127.0.0.1:1/none",
            API_ANON_RATE="30/min",
            API_USER_RATE="1000/hour",
        ),
    )
    assert result.stdout.strip() == "{'anon': '30/min', 'user': '1000/hour'}"


def start_gunicorn(pgdata, log, **variables):
    port = free_port()
    env = process_env(pgdata, HOST="127.0.0.1", PORT=port, **variables)
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
    wait_until_serving(url + "/healthz", process, log)
    return url, process


def test_two_application_servers_share_one_count(migrated_pgdata, tmp_path):
    """Two gunicorns (as on two machines) with two workers each, on one database."""
    servers = []
    try:
        for name in ("first", "second"):
            servers.append(
                start_gunicorn(
                    migrated_pgdata,
                    tmp_path / f"{name}.log",
                    WEB_CONCURRENCY=2,
                    API_ANON_RATE="6/min",
                )
            )
        (first, _), (second, _) = servers
        answers = [get(url + "/api/v1/systems/")[0] for url in [first, second] * 3]
        assert answers == [200] * 6
        status, headers, _ = get(second + "/api/v1/systems/")
        assert status == 429 and int(headers["Retry-After"]) > 0
        assert get(first + "/api/v1/systems/")[0] == 429

        # The count is in the database's throttle table, where every server reads it: one
        # client, its six allowed requests.
        with psycopg2.connect(EmbeddedServer(migrated_pgdata).url()) as conn, conn.cursor() as cur:
            cur.execute(
                "SELECT count(DISTINCT key), count(*) FROM icsgov_throttle "
                "WHERE key LIKE 'throttle_anon%'"
            )
            assert cur.fetchone() == (1, 6)
    finally:
        for _, process in servers:
            stop_process(process)


def test_the_count_is_one_statement_a_request(client, low_rates):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v1/systems/").status_code == 200
    sql = [q["sql"] for q in queries.captured_queries]
    assert sum("icsgov_throttle" in s for s in sql) == 1
    assert not any("django_cache" in s for s in sql)
