"""The indexes a reader browses (bodies, people, organisations) and an organisation's page: as
at a date (typed in NHS.UK day, month and year boxes), filtered, public record only, with query
counts that do not grow with the rows."""

import datetime

import pytest

from partnerships.choices import BoardKind, BoardStatus
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    hiow = f.SystemFactory(slug="hiow", name="Hampshire and Isle of Wight")
    hw = f.SystemFactory(slug="hw", name="Herefordshire and Worcestershire")
    icb = f.OrganisationFactory(system=hiow, name="HIOW ICB", slug="hiow-icb")
    f.OrganisationIdentifierFactory(
        organisation=icb, scheme="gss", code="E54000042", valid_to=datetime.date(2026, 3, 31)
    )
    f.OrganisationIdentifierFactory(
        organisation=icb, scheme="gss", code="E54000067", valid_from=datetime.date(2026, 4, 1)
    )
    board = f.BoardFactory(
        system=hiow, slug="hiow-icp", name="HIOW ICP", kind=BoardKind.STATUTORY_ICP
    )
    f.BoardFactory(
        system=hiow,
        name="Old STP group",
        start_date=datetime.date(2018, 1, 1),
        end_date=datetime.date(2021, 3, 31),
        status=BoardStatus.DISSOLVED,
    )
    f.BoardFactory(system=hw, name="H&W ICP")
    f.BoardFactory(system=hiow, name="Secret body", is_published=False)
    post = f.PostFactory(board=board, label="ICB member", nominating_organisation=icb)
    f.MembershipFactory(
        post=post,
        person__name="Ann Member",
        person__slug="ann",
        on_behalf_of=icb,
        start_date=datetime.date(2022, 7, 1),
        end_date=datetime.date(2024, 6, 30),
    )
    f.MembershipFactory(
        post=f.PostFactory(board=board), person__name="Hidden Person", person__is_published=False
    )
    f.PersonFactory(name="Nobody Appointed")
    return hiow, board, icb


def test_the_bodies_index_is_as_at_a_date_and_filters_by_system_and_kind(client, world):
    html = client.get("/bodies/").content.decode()
    assert "HIOW ICP" in html and "H&amp;W ICP" in html
    assert "Old STP group" not in html and "Secret body" not in html

    in_2019 = client.get("/bodies/", {"on-day": "1", "on-month": "6", "on-year": "2019"})
    assert "Old STP group" in in_2019.content.decode()
    assert "HIOW ICP" not in in_2019.content.decode()

    every = client.get("/bodies/?all=on").content.decode()
    assert "Old STP group" in every and "Secret body" not in every

    hiow = client.get("/bodies/?system=hiow&kind=statutory_icp").content.decode()
    assert "HIOW ICP" in hiow and "H&amp;W ICP" not in hiow


def test_an_unusable_choice_or_date_is_explained(client, world):
    bad_system = client.get("/bodies/?system=nope")
    assert bad_system.status_code == 400
    assert "Choose a system from the list" in bad_system.content.decode()

    bad_date = client.get("/people/", {"on-day": "31", "on-month": "2", "on-year": "2023"})
    assert bad_date.status_code == 400
    assert "The date must be a real date" in bad_date.content.decode()


def test_the_people_index_lists_public_appointments_only_with_their_seats_on_the_date(
    client, world
):
    html = client.get("/people/?as_at=2023-01-01").content.decode()
    assert 'href="/people/ann/"' in html
    assert "ICB member, HIOW ICP (on behalf of HIOW ICB)" in html
    assert "Hidden Person" not in html and "Nobody Appointed" not in html

    today = client.get("/people/").content.decode()
    assert "Ann Member" in today and "No seat on this date" in today
    assert "Ann Member" not in client.get("/people/?appointed=on").content.decode()


def test_the_organisations_index_gives_each_its_codes_on_the_date(client, world):
    before = client.get("/organisations/?as_at=2026-03-31").content.decode()
    after = client.get("/organisations/?as_at=2026-04-01").content.decode()
    assert "E54000042" in before and "E54000067" not in before
    assert "E54000067" in after and "E54000042" not in after
    assert 'href="/organisations/hiow-icb/"' in after


def test_an_organisations_page_gives_its_codes_seats_and_people_on_its_behalf(client, world):
    html = client.get("/organisations/hiow-icb/?as_at=2023-01-01").content.decode()
    assert "E54000042" in html and "E54000067" in html  # every code with its validity
    assert "31 March 2026" in html and "1 April 2026" in html
    assert "ICB member" in html and 'href="/boards/hiow-icp/#seats"' in html
    assert 'href="/people/ann/"' in html

    later = client.get("/organisations/hiow-icb/?as_at=2025-01-01").content.decode()
    assert 'href="/people/ann/"' not in later
    assert "No published appointment on its behalf is recorded on this date" in later


def test_unpublished_organisations_have_no_page(client, world):
    f.OrganisationFactory(slug="hidden-org", is_published=False)
    assert client.get("/organisations/hidden-org/").status_code == 404


def test_the_header_reaches_the_indexes(client, world):
    html = client.get("/").content.decode()
    for path in ("/bodies/", "/people/", "/organisations/"):
        assert f'href="{path}"' in html


@pytest.mark.parametrize("path", ["/bodies/?all=on", "/people/", "/organisations/"])
def test_index_query_counts_do_not_grow_with_the_rows(
    client, world, path, django_assert_max_num_queries
):
    hiow, board, icb = world
    with django_assert_max_num_queries(30) as few:
        client.get(path)
    for _ in range(12):
        org = f.OrganisationFactory(system=hiow)
        f.OrganisationIdentifierFactory(organisation=org)
        f.MembershipFactory(post=f.PostFactory(board=f.BoardFactory(system=hiow)), on_behalf_of=org)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(path)


def test_organisation_page_query_count_does_not_grow(client, world, django_assert_max_num_queries):
    hiow, board, icb = world
    with django_assert_max_num_queries(30) as few:
        client.get("/organisations/hiow-icb/")
    for n in range(8):
        post = f.PostFactory(board=f.BoardFactory(system=hiow), nominating_organisation=icb)
        f.MembershipFactory(post=post, on_behalf_of=icb)
        f.OrganisationIdentifierFactory(
            organisation=icb,
            scheme="ods",
            code=f"X{n}",
            valid_from=datetime.date(2000 + n, 1, 1),
            valid_to=datetime.date(2000 + n, 12, 31),
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/organisations/hiow-icb/")


def test_a_person_with_two_seats_has_them_on_two_lines(client, world):
    hiow, board, icb = world
    person = f.PersonFactory(name="Two Seats")
    f.MembershipFactory(person=person, post=f.PostFactory(board=board, label="First seat"))
    f.MembershipFactory(person=person, post=f.PostFactory(board=board, label="Second seat"))
    html = client.get("/people/", {"q": "Two Seats"}).content.decode()
    assert "&lt;br&gt;" not in html
    at = html.index(">Two Seats</a>")
    row = html[at : html.index("</tr>", at)]
    assert "First seat" in row and "<br>" in row and "Second seat" in row
