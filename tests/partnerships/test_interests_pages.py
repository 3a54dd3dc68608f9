"""The published registers: on person and body pages, a body's register page, its CSV and
JSON downloads (under the Open Government Licence), and the API. Unpublished and withheld
entries never reach an anonymous client, whatever the door; query budgets do not grow with rows."""

import csv
import datetime
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

SECRETS = [
    "Secret Withheld Interest",
    "Withheld Org Name",
    "Private withholding note",
    "Unpublished Interest Text",
    "Unpublished Gift Text",
]


@pytest.fixture
def register(db):
    board = factories.BoardFactory(slug="icb-board", name="Wessex ICB Board")
    member = factories.MembershipFactory(
        post=factories.PostFactory(board=board),
        person=factories.PersonFactory(name="Dr Asha Patel", slug="asha-patel"),
    )
    factories.InterestFactory(membership=member, description="Director of Public Interest Ltd")
    factories.InterestFactory(
        membership=member,
        description="Secret Withheld Interest",
        organisation_name="Withheld Org Name",
        is_withheld=True,
        withheld_reason="privacy",
        withheld_note="Private withholding note",
    )
    factories.InterestFactory(
        membership=member, description="Unpublished Interest Text", is_published=False
    )
    factories.GiftOrHospitalityFactory(membership=member, description="Published Gift Text")
    factories.GiftOrHospitalityFactory(
        membership=member, description="Unpublished Gift Text", is_published=False
    )
    return board


def anonymous_outputs(client, api):
    board = "/boards/icb-board"
    urls = [
        f"{board}/",
        f"{board}/interests/",
        f"{board}/interests.csv",
        f"{board}/interests.json",
        f"{board}/gifts-and-hospitality.csv",
        f"{board}/gifts-and-hospitality.json",
        "/people/asha-patel/",
        f"{board}/feed.rss",
        "/search/?q=secret+withheld+unpublished",
    ]
    pages = {url: client.get(url) for url in urls}
    for endpoint in ("interests", "gifts-and-hospitality", "meeting-declarations"):
        for query in ("", "?format=csv", "?q=Secret"):
            pages[endpoint + query] = api.get(f"/api/v1/{endpoint}/{query}")
    pages["search api"] = api.get("/api/v1/search/?q=secret+withheld")
    pages["changes"] = api.get("/api/v1/changes/?limit=200")
    return pages


@pytest.mark.django_db
def test_withheld_and_unpublished_entries_never_reach_an_anonymous_client(client, api, register):
    pages = anonymous_outputs(client, api)
    for url, response in pages.items():
        assert response.status_code in (200, 400), (url, response.status_code)
        body = response.content.decode()
        for secret in SECRETS:
            assert secret not in body, (url, secret)


@pytest.mark.django_db
def test_the_register_page_shows_published_entries_and_that_one_was_withheld(client, register):
    page = client.get("/boards/icb-board/interests/").content.decode()
    assert "Director of Public Interest Ltd" in page
    assert "Published Gift Text" in page
    assert "1 entry is withheld from the published register" in page
    assert "an overriding privacy interest" in page
    assert "Open Government Licence v3.0" in page


@pytest.mark.django_db
def test_person_and_body_pages_show_the_published_register(client, register):
    person = client.get("/people/asha-patel/").content.decode()
    assert "Director of Public Interest Ltd" in person and "Published Gift Text" in person
    # Whose entry was withheld is not published: the body's register counts it.
    assert "withheld from the published register" not in person
    assert "/boards/icb-board/interests/" in person
    board = client.get("/boards/icb-board/").content.decode()
    assert "/boards/icb-board/interests/" in board
    assert "1 published declaration of interest on the current register" in board


@pytest.mark.django_db
def test_the_csv_download_states_the_licence_and_counts_withheld_entries(client, register):
    response = client.get("/boards/icb-board/interests.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "open-government-licence" in response["Link"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["description"] for r in rows if r["withheld"] == "no"] == [
        "Director of Public Interest Ltd"
    ]
    withheld = [r for r in rows if r["withheld"] == "yes"]
    assert len(withheld) == 1
    assert withheld[0]["withheld_reason"] == "An overriding privacy interest"
    assert withheld[0]["person"] == "" and withheld[0]["description"] == ""
    assert all("Open Government Licence v3.0" in r["licence"] for r in rows)


@pytest.mark.django_db
def test_the_json_download_states_the_licence_and_counts_withheld_entries(client, register):
    body = json.loads(client.get("/boards/icb-board/interests.json").content)
    assert body["licence"]["name"] == "Open Government Licence v3.0"
    assert [e["description"] for e in body["entries"]] == ["Director of Public Interest Ltd"]
    assert body["withheld"] == [{"reason": "An overriding privacy interest", "count": 1}]
    gifts = json.loads(client.get("/boards/icb-board/gifts-and-hospitality.json").content)
    assert [e["description"] for e in gifts["entries"]] == ["Published Gift Text"]
    assert client.get("/boards/icb-board/no-such-register.json").status_code == 404


@pytest.mark.django_db
def test_the_secretariat_sees_withheld_entries_in_the_api(staff_api, register):
    rows = staff_api.get("/api/v1/interests/").json()["results"]
    assert "Secret Withheld Interest" in [r["description"] for r in rows]


@pytest.mark.django_db
def test_a_private_body_has_no_public_register(client, register):
    register.is_published = False
    register.save()
    for url in ("/boards/icb-board/interests/", "/boards/icb-board/interests.csv"):
        assert client.get(url).status_code == 404


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/boards/icb-board/interests/",
        "/boards/icb-board/interests.csv",
        "/boards/icb-board/interests.json",
        "/boards/icb-board/gifts-and-hospitality.csv",
        "/people/asha-patel/",
        "/boards/icb-board/",
    ],
)
def test_register_query_budgets_do_not_grow_with_entries(client, register, path):
    member = register.posts.first().memberships.first()

    def add_entries():
        org = factories.OrganisationFactory()
        factories.InterestFactory(membership=member, organisation=org)
        factories.InterestFactory(membership=member, is_withheld=True, withheld_reason="legal")
        factories.GiftOrHospitalityFactory(membership=member, giver_organisation=org, giver_name="")

    add_entries()
    first = _queries(client, path)
    for _ in range(4):
        add_entries()
    assert _queries(client, path) == first


@pytest.mark.django_db
def test_the_register_shows_each_members_next_review(client, register):
    page = client.get("/boards/icb-board/interests/").content.decode()
    # The factory's declarations are of 10 November 2022: reviewed by 10 November 2023.
    assert "Next review due" in page
    assert "10 November 2023 (overdue)" in page


@pytest.mark.django_db
def test_a_full_declaration_supersedes_earlier_entries_on_the_current_register(client, db):
    member = factories.MembershipFactory(post__board__slug="wessex-board")
    factories.InterestFactory(
        membership=member, description="Old Directorship", declared_on=datetime.date(2023, 1, 5)
    )
    factories.InterestFactory(
        membership=member,
        occasion="annual_review",
        description="Current Directorship",
        declared_on=datetime.date(2024, 1, 5),
    )
    factories.InterestFactory(
        membership=member,
        occasion="new_interest",
        description="New Trusteeship",
        declared_on=datetime.date(2024, 6, 1),
    )
    factories.InterestFactory(
        membership=member,
        occasion="new_interest",
        description="Ended Shareholding",
        declared_on=datetime.date(2024, 7, 1),
        interest_to=datetime.date(2024, 9, 30),
    )
    page = client.get("/boards/wessex-board/interests/").content.decode()
    current, earlier = page.split("Earlier declarations (", 1)
    assert "Current Directorship" in current and "New Trusteeship" in current
    assert "Old Directorship" not in current and "Ended Shareholding" not in current
    assert "Old Directorship" in earlier and "Ended Shareholding" in earlier
