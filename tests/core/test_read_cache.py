"""The read cache (icsgov/core/caching.py): anonymous pages and API answers are served from it,
and any change — through the API, the ORM or raw SQL — is visible on the next request, anonymous
or signed in. A signed-in user is never served a stored answer; nothing unpublished enters one.

These tests commit (``transactional_db``): the change mark moves on at commit, as in production."""

import pickle

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from icsgov.access import AccessRole, SystemAccess
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def empty_cache():
    caches["reads"].clear()
    yield
    caches["reads"].clear()


@pytest.fixture
def person():
    return f.PersonFactory(name="Ada Lovelace")


def get(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return response, len(queries.captured_queries)


def stored_bytes():
    """Every answer in the (local-memory) read cache."""
    return b"".join(pickle.loads(value)[0] for value in caches["reads"]._cache.values())


def test_an_anonymous_page_is_served_from_the_cache_until_the_orm_changes_it(client, person):
    url = f"/people/{person.slug}/"
    first, fresh = get(client, url)
    second, cached = get(client, url)
    assert "X-Read-Cache" not in first and second["X-Read-Cache"] == "hit"
    assert cached == 1 < fresh  # the change mark only
    assert second.content == first.content.replace(
        first.wsgi_request.csp_nonce.encode(), second.wsgi_request.csp_nonce.encode()
    )

    type(person).objects.filter(pk=person.pk).update(name="Ada King")
    third, _ = get(client, url)
    assert "X-Read-Cache" not in third
    assert b"Ada King" in third.content and b"Ada Lovelace" not in third.content


def test_a_cached_page_carries_its_own_csp_nonce(client, person):
    url = f"/people/{person.slug}/"
    get(client, url)
    response, _ = get(client, url)
    nonce = response.wsgi_request.csp_nonce
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
    assert f'nonce="{nonce}"'.encode() in response.content


def test_an_anonymous_api_read_is_cached_per_format_and_parameter(client, person):
    url = "/api/v1/people/"
    first, fresh = get(client, url)
    second, cached = get(client, url)
    assert second["X-Read-Cache"] == "hit" and cached < fresh
    assert second.content == first.content and second["ETag"] == first["ETag"]
    # Another format, another parameter, another Accept: answered afresh, then stored apart.
    csv, _ = get(client, url + "?format=csv")
    assert "X-Read-Cache" not in csv and csv["Content-Type"].startswith("text/csv")
    assert get(client, url + "?format=csv")[0]["X-Read-Cache"] == "hit"
    assert "X-Read-Cache" not in get(client, url + "?limit=1")[0]
    browsable, _ = get(client, url, HTTP_ACCEPT="text/html")
    assert "X-Read-Cache" not in browsable
    assert "X-Read-Cache" not in get(client, url, HTTP_ACCEPT="text/html")[0]  # never stored
    # A conditional request for a stored answer is still a 304.
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_change_through_the_api_is_visible_on_the_next_anonymous_request(client, person):
    board = f.BoardFactory()
    user = f.UserFactory(username="secretary", is_staff=True)
    SystemAccess.objects.create(user=user, system=board.system, role=AccessRole.SECRETARIAT)
    person.system = board.system
    person.save()
    writer = APIClient()
    writer.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")

    url = f"/api/v1/people/{person.slug}/"
    get(client, url)
    assert get(client, url)[0]["X-Read-Cache"] == "hit"
    patched = writer.patch(url, {"name": "Ada King"}, format="json")
    assert patched.status_code == 200, patched.content
    after, _ = get(client, url)
    assert "X-Read-Cache" not in after and after.json()["name"] == "Ada King"


def test_raw_sql_invalidates_too(client, person):
    url = f"/api/v1/people/{person.slug}/"
    get(client, url)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE partnerships_person SET name = 'Ada King' WHERE id = %s", [person.pk]
        )
    assert get(client, url)[0].json()["name"] == "Ada King"


def test_a_signed_in_user_is_never_served_a_stored_answer_and_sees_changes_at_once(client, person):
    user = f.UserFactory(username="root", is_staff=True, is_superuser=True)
    url = f"/people/{person.slug}/"
    get(client, url)  # stored for anonymous visitors
    client.force_login(user)
    response, _ = get(client, url)
    assert "X-Read-Cache" not in response
    type(person).objects.filter(pk=person.pk).update(name="Ada King")
    assert b"Ada King" in get(client, url)[0].content
    api = APIClient()
    api.force_authenticate(user)
    for _ in range(2):
        assert "X-Read-Cache" not in api.get("/api/v1/people/")


def test_unpublished_records_never_enter_an_anonymous_entry(client, person):
    hidden = f.PersonFactory(name="Hidden Unpublished", is_published=False)
    root = f.UserFactory(username="root", is_staff=True, is_superuser=True)
    staff = APIClient()
    staff.force_authenticate(root)
    assert "Hidden Unpublished" in staff.get("/api/v1/people/").content.decode()

    anonymous = [get(client, "/api/v1/people/")[0] for _ in range(2)]
    assert anonymous[1]["X-Read-Cache"] == "hit"
    assert all(b"Hidden Unpublished" not in r.content for r in anonymous)
    # The staff answer came first and was not stored; nothing stored names the hidden person.
    assert stored_bytes() and b"Hidden Unpublished" not in stored_bytes()
    assert b"@example.nhs.uk" not in stored_bytes()  # nor anyone's contact details
    assert client.get(f"/people/{hidden.slug}/").status_code == 404


def test_every_table_of_the_registry_is_watched():
    from icsgov.core import caching

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname = %s",
            [caching.TRIGGER],
        )
        watched = {row[0] for row in cursor.fetchall()}
    tables = set(connection.introspection.django_table_names())
    expected = {table for table in tables if caching.watched(table)}
    assert "partnerships_membership" in expected and "places_system_predecessors" in expected
    assert expected - watched == set()
    assert not watched & {"django_session", "django_cache", caching.PENDING}
