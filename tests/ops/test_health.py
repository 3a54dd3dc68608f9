"""/healthz and /readyz, as a load balancer reads them, and the 503 a database fault becomes."""

import pytest
from django.db import connection
from django.test import Client


def test_healthz_answers_without_touching_the_database(client):
    # No django_db mark: pytest-django refuses any database access, so an answer proves none.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_ready_when_database_migrations_and_cache_are(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"default": "ok", "migrations": "ok", "cache": "ok"},
    }


@pytest.mark.django_db
def test_readyz_is_not_ready_while_a_migration_is_unapplied(client):
    """As during an upgrade whose new code starts before `migrate` has run."""
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM django_migrations WHERE app = 'partnerships' AND id = "
            "(SELECT max(id) FROM django_migrations WHERE app = 'partnerships')"
        )
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["migrations"].startswith("1 unapplied: partnerships.")


@pytest.mark.django_db
def test_readyz_is_not_ready_without_the_cache_table(client):
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE django_cache")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"].startswith("unavailable")


@pytest.mark.django_db
@pytest.mark.urls("tests.ops.fault_urls")
def test_a_database_fault_is_a_503_page_in_the_nhs_design():
    response = Client(raise_request_exception=False).get("/fault/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Sorry, the service is unavailable" in page
    assert "nhsuk-header" in page


@pytest.mark.django_db
@pytest.mark.urls("tests.ops.fault_urls")
def test_a_database_fault_in_the_api_is_a_json_503():
    response = Client(raise_request_exception=False).get("/api/v1/fault/")
    assert response.status_code == 503
    assert response.json() == {
        "detail": "The registry's database is unavailable. Try again in a minute."
    }
