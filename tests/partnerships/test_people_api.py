"""People through the API: who is on a body on a date, who serves today, slugs made once on
create, and a person appointed nowhere may be deleted."""

import datetime

import pytest

from partnerships.models import Person
from tests import factories
from tests.helpers.api import slugs

D = datetime.date

pytestmark = pytest.mark.django_db


def test_people_on_a_board_as_at_a_date_come_from_the_same_appointment(api):
    board = factories.BoardFactory()
    seat = factories.PostFactory(board=board)
    left = factories.MembershipFactory(
        post=seat, start_date=D(2022, 7, 1), end_date=D(2022, 12, 31)
    )
    joined = factories.MembershipFactory(post=seat, start_date=D(2023, 1, 1))
    # Someone who left this board but holds another seat elsewhere on the date is not on it.
    factories.MembershipFactory(person=left.person, start_date=D(2023, 1, 1))

    got = slugs(api.get(f"/api/v1/people/?board={board.slug}&as_at=2023-02-01"))
    assert got == [joined.person.slug]
    got = slugs(api.get(f"/api/v1/people/?board={board.slug}&as_at=2022-12-31"))
    assert got == [left.person.slug]
    got = sorted(slugs(api.get(f"/api/v1/people/?board={board.slug}")))
    assert got == sorted([left.person.slug, joined.person.slug])


def test_people_current_true_and_false_split_on_todays_appointments(api):
    serving = factories.MembershipFactory(start_date=D(2022, 7, 1)).person
    former = factories.MembershipFactory(start_date=D(2022, 7, 1), end_date=D(2023, 3, 31)).person
    assert slugs(api.get("/api/v1/people/?current=true")) == [serving.slug]
    assert slugs(api.get("/api/v1/people/?current=false")) == [former.slug]


def test_an_unappointed_person_can_be_deleted(api_world, as_role):
    response = as_role("secretariat").delete(f"/api/v1/people/{api_world.own.loose_person.slug}/")
    assert response.status_code == 204
    assert not Person.objects.filter(pk=api_world.own.loose_person.pk).exists()


def test_slugs_are_made_on_create_and_stable_on_update(api_world, as_role):
    client = as_role("secretariat")
    created = client.post("/api/v1/people/", {"name": "Dr Priya Singh"}, format="json").json()
    assert created["slug"] == "dr-priya-singh"
    url = f"/api/v1/people/{created['slug']}/"
    response = client.patch(url, {"slug": "renamed", "name": "Priya"}, format="json")
    assert response.status_code == 400  # a slug, once given, is not changed, and says so
    assert "slug" in response.json()["errors"]
    assert client.get(url).json()["name"] == "Dr Priya Singh"  # nothing of the write applied
    response = client.patch(url, {"name": "Priya"}, format="json")
    assert response.json()["slug"] == "dr-priya-singh"
