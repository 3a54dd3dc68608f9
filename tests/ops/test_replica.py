"""With DATABASE_REPLICA_URL, anonymous GETs read from the replica; signed-in users, token
clients and every write use the primary.

Two embedded servers stand in for the primary and its replica: copies of one migrated
database, each then given a system of its own name, so an answer shows which one it read."""

import json

import pytest

from icsgov.database import EmbeddedServer
from tests.ops.conftest import copy_of, manage, process_env

REQUESTS = """
import json
from django.test import Client
from rest_framework.authtoken.models import Token
from django.contrib.auth import get_user_model

user = get_user_model().objects.create_superuser("root", password="x")
token = Token.objects.create(user=user).key
anonymous, signed_in = Client(), Client()
signed_in.force_login(user)
names = lambda response: sorted(s["name"] for s in response.json()["results"])
print(json.dumps({
    "anonymous api": names(anonymous.get("/api/v1/systems/")),
    "anonymous page": "Replica Care System" in anonymous.get("/").content.decode(),
    "token api": names(anonymous.get("/api/v1/systems/", HTTP_AUTHORIZATION=f"Token {token}")),
    "signed-in page": "Primary Care System" in signed_in.get("/").content.decode(),
    "readyz": anonymous.get("/readyz").json()["checks"],
}))
"""


def add_system(url, name):
    manage(
        "shell",
        "--no-imports",
        "-c",
        f"from tests.factories import SystemFactory; SystemFactory(name={name!r})",
        env=process_env(DATABASE_URL=url),
    )


@pytest.fixture
def primary_and_replica(migrated_pgdata, ops_tmp):
    replica_pgdata = copy_of(migrated_pgdata, ops_tmp)
    servers = [EmbeddedServer(migrated_pgdata), EmbeddedServer(replica_pgdata)]
    for server in servers:
        server.start()
    primary, replica = (server.url() for server in servers)
    add_system(primary, "Primary Care System")
    add_system(replica, "Replica Care System")
    yield primary, replica
    for server in servers:
        server.stop("immediate")


def test_anonymous_reads_go_to_the_replica_and_the_rest_to_the_primary(primary_and_replica):
    primary, replica = primary_and_replica
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        REQUESTS,
        env=process_env(
            DATABASE_URL=primary, DATABASE_REPLICA_URL=replica, DJANGO_ALLOWED_HOSTS="testserver"
        ),
    )
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == {
        "anonymous api": ["Replica Care System"],
        "anonymous page": True,
        "token api": ["Primary Care System"],
        "signed-in page": True,
        "readyz": {"default": "ok", "replica": "ok", "migrations": "ok", "cache": "ok"},
    }
    # The writes (the user, its token, its session) went to the primary only.
    count_users = "from django.contrib.auth.models import User; print(User.objects.count())"
    for url, users in [(primary, "1"), (replica, "0")]:
        out = manage("shell", "--no-imports", "-c", count_users, env=process_env(DATABASE_URL=url))
        assert out.stdout.strip().splitlines()[-1] == users


def test_without_a_replica_everything_uses_the_primary(primary_and_replica):
    primary, _ = primary_and_replica
    script = (
        "from django.test import Client\n"
        "print(sorted(s['name'] for s in Client().get('/api/v1/systems/').json()['results']))"
    )
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        script,
        env=process_env(DATABASE_URL=primary, DJANGO_ALLOWED_HOSTS="testserver"),
    )
    assert result.stdout.strip().splitlines()[-1] == "['Primary Care System']"
