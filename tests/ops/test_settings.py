"""What the settings do with the environment: DEBUG off unless make dev asks, production refusing
to start without its secrets and passing Django's deployment checklist, the admin's path.

Each case runs manage.py in its own process with only the variables it names (plus a
DATABASE_URL nothing connects to: these commands never open the database)."""

import pytest

from tests.ops.conftest import manage, process_env

NO_DATABASE = "postgres://nobody@127.0.0.1:1/none"
PRODUCTION = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": "a-real-secret-4b1d8f0c9e2a47d6b3f5a8c1e7d2b9f0a6c3e8d1b4f7a2c5",
    "DJANGO_ALLOWED_HOSTS": "registry.example.nhs.uk",
    "DATABASE_URL": NO_DATABASE,
}


def setting(name, **variables):
    """The value of a setting as a process with these variables sees it (its repr)."""
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        f"from django.conf import settings; print(repr(settings.{name}))",
        env=process_env(**{"DATABASE_URL": NO_DATABASE, **variables}),
    )
    return result.stdout.strip()


def test_debug_is_off_unless_asked_for():
    assert setting("DEBUG") == "False"
    assert setting("DEBUG", DJANGO_DEBUG="true") == "True"


def test_production_passes_the_deployment_checklist():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=process_env(**PRODUCTION))
    assert "no issues" in result.stdout


@pytest.mark.parametrize("variable", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_its_secret_key_host_names_or_database(variable):
    variables = {**PRODUCTION, variable: ""}
    result = manage("check", env=process_env(**variables), check=False)
    assert result.returncode != 0
    assert f"Set {variable}: it is required when DJANGO_ENV=production." in result.stderr


def test_production_refuses_debug_and_the_development_key():
    result = manage("check", env=process_env(**PRODUCTION, DJANGO_DEBUG="true"), check=False)
    assert result.returncode != 0
    assert "DJANGO_DEBUG must not be true when DJANGO_ENV=production" in result.stderr

    dev_key = "dev-only-insecure-key-change-me-in-production-0123456789"
    variables = {**PRODUCTION, "DJANGO_SECRET_KEY": dev_key}
    result = manage("check", env=process_env(**variables), check=False)
    assert result.returncode != 0
    assert "not the dev key" in result.stderr


def test_an_unknown_environment_is_refused():
    result = manage("check", env=process_env(DJANGO_ENV="staging"), check=False)
    assert result.returncode != 0
    assert "DJANGO_ENV is 'staging': set it to local or production." in result.stderr


def test_production_behind_a_proxy_trusts_its_https_header():
    assert setting(
        "SECURE_PROXY_SSL_HEADER",
        **PRODUCTION,
        DJANGO_SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https",
    ) == repr(("HTTP_X_FORWARDED_PROTO", "https"))


def test_local_serves_plain_http():
    assert setting("SESSION_COOKIE_SECURE") == "False"
    assert setting("SECURE_SSL_REDIRECT") == "False"
    assert setting("SECURE_HSTS_SECONDS") == "0"


def test_the_admin_path_is_configurable():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.urls import resolve, reverse, Resolver404\n"
        "print(reverse('admin:index'))\n"
        "try:\n    resolve('/admin/')\nexcept Resolver404:\n    print('no /admin/')",
        env=process_env(DATABASE_URL=NO_DATABASE, DJANGO_ADMIN_PATH="/secretariat-only/"),
    )
    assert result.stdout.split("\n")[:2] == ["/secretariat-only/", "no /admin/"]


def test_connections_plan_joins_four_at_a_time_keeping_the_urls_own_options():
    """Every connection asks PostgreSQL to order at most four joins together (its
    join_collapse_limit; docs/performance.md, 28), added to any options the database URL gives."""
    options = 'DATABASES["default"]["OPTIONS"]["options"]'
    assert setting(options) == "'-c join_collapse_limit=4'"
    assert setting(options, DATABASE_JOIN_COLLAPSE_LIMIT="8") == "'-c join_collapse_limit=8'"
    # 0: none, for a connection pooler that refuses startup options.
    assert (
        setting('DATABASES["default"]["OPTIONS"].get("options")', DATABASE_JOIN_COLLAPSE_LIMIT="0")
        == "None"
    )
    with_own = f"{NO_DATABASE}?options=-c%20statement_timeout%3D5000"
    assert (
        setting(options, DATABASE_URL=with_own)
        == "'-c statement_timeout=5000 -c join_collapse_limit=4'"
    )


@pytest.mark.django_db
def test_the_registrys_connection_has_the_setting():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW join_collapse_limit")
        assert cursor.fetchone() == ("4",)


@pytest.mark.parametrize("value", ["-1", "four", "99999999999"])
def test_a_join_collapse_limit_postgres_would_refuse_stops_the_start_with_its_reason(value):
    result = manage(
        "check",
        env=process_env(DATABASE_URL=NO_DATABASE, DATABASE_JOIN_COLLAPSE_LIMIT=value),
        check=False,
    )
    assert result.returncode != 0
    assert (
        "DATABASE_JOIN_COLLAPSE_LIMIT must be a whole number, 1 or more, or 0 for none"
        in result.stderr
    )
