"""HTTP behaviour other sites rely on: trimming with ?fields=, ETag/304, Cache-Control, CORS."""

import pytest

from tests import factories


@pytest.mark.django_db
def test_fields_trims_every_object_in_a_list_and_a_detail(api):
    board = factories.BoardFactory()
    rows = api.get("/api/v1/boards/?fields=slug,name").json()["results"]
    assert rows == [{"slug": board.slug, "name": board.name}]
    detail = api.get(f"/api/v1/boards/{board.slug}/?fields=slug,members").json()
    assert set(detail) == {"slug", "members"}


@pytest.mark.django_db
def test_an_unknown_field_is_a_400_naming_it(api):
    person = factories.PersonFactory()
    response = api.get("/api/v1/people/?fields=name,password")
    assert response.status_code == 400
    assert "password" in response.json()["detail"]
    # Asking for contact details by name does not reveal them either.
    rows = api.get("/api/v1/people/?fields=name,email,phone").json()["results"]
    assert rows == [{"name": person.name}]


@pytest.mark.django_db
def test_reads_carry_an_etag_and_answer_304_when_unchanged(api):
    board = factories.BoardFactory()
    url = f"/api/v1/boards/{board.slug}/"
    first = api.get(url)
    etag = first["ETag"]
    assert etag
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    board.name = "Renamed board"
    board.save()
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.django_db
def test_anonymous_reads_are_publicly_cacheable_staff_reads_are_not(api, staff_api):
    factories.SystemFactory()
    assert "public" in api.get("/api/v1/systems/")["Cache-Control"]
    staff = staff_api.get("/api/v1/systems/")["Cache-Control"]
    assert "private" in staff and "public" not in staff
    assert "public" in api.get("/api/v1/search/?q=system")["Cache-Control"]


@pytest.mark.django_db
def test_other_sites_may_read_the_api_cross_origin(api):
    response = api.get("/api/v1/systems/", HTTP_ORIGIN="https://www.southampton.gov.uk")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = api.options(
        "/api/v1/systems/",
        HTTP_ORIGIN="https://www.southampton.gov.uk",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    admin = api.get("/admin/login/", HTTP_ORIGIN="https://www.southampton.gov.uk")
    assert not admin.has_header("Access-Control-Allow-Origin")
