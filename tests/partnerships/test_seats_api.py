"""Seats through the API: filters, places filled and vacant on a date, a seat stays on its
system's bodies, and a seat with appointments is not deleted."""

import datetime

import pytest

from partnerships.choices import BoardKind, Sector
from partnerships.models import Post
from tests import factories
from tests.helpers.admin_forms import page_data
from tests.helpers.api import slugs

D = datetime.date

pytestmark = pytest.mark.django_db


def test_posts_filter_by_board_kind_sector_and_voting(api):
    hwb = factories.BoardFactory(kind=BoardKind.HEALTH_AND_WELLBEING_BOARD)
    vcse = factories.PostFactory(board=hwb, nominating_sector=Sector.VCSE, voting=None)
    voting = factories.PostFactory(voting=True)
    assert slugs(api.get("/api/v1/posts/?board_kind=health_and_wellbeing_board")) == [vcse.slug]
    assert slugs(api.get("/api/v1/posts/?sector=vcse")) == [vcse.slug]
    assert slugs(api.get("/api/v1/posts/?voting=unknown")) == [vcse.slug]
    assert slugs(api.get("/api/v1/posts/?voting=true")) == [voting.slug]


def test_posts_count_places_filled_and_vacant_on_the_date(api):
    seat = factories.PostFactory(places=4, board__membership_maintained_from=D(2022, 7, 1))
    factories.MembershipFactory(post=seat, start_date=D(2022, 11, 1), end_date=D(2023, 3, 31))
    factories.MembershipFactory(post=seat, start_date=D(2023, 1, 1))
    factories.MembershipFactory(post=seat, start_date=D(2023, 1, 1), kind="substitute")

    def counts(date):
        row = api.get(f"/api/v1/posts/{seat.slug}/?as_at={date}").json()
        return row["filled"], row["vacancies"]

    assert counts("2022-12-31") == (1, 3) == (seat.filled_on(D(2022, 12, 31)), 3)
    assert counts("2023-03-31") == (2, 2)
    assert counts("2023-04-01") == (1, 3)
    assert (seat.filled_on(D(2023, 4, 1)), seat.vacancies_on(D(2023, 4, 1))) == (1, 3)


def test_seat_counts_are_of_what_the_client_may_see(api, staff_api):
    seat = factories.PostFactory(places=2, board__membership_maintained_from=D(2022, 7, 1))
    factories.MembershipFactory(post=seat, start_date=D(2023, 1, 1), is_published=False)

    def counts(client):
        row = client.get(f"/api/v1/posts/{seat.slug}/?as_at=2023-06-01").json()
        return row["filled"], row["vacancies"]

    assert counts(api) == (0, 2)  # an anonymous client is told nothing of the hidden one
    assert counts(staff_api) == (1, 1)


def test_a_body_known_only_from_papers_has_holders_not_recorded_not_vacancies(api):
    seat = factories.PostFactory(places=3)
    factories.MembershipFactory(post=seat, start_date=D(2023, 1, 1))
    row = api.get(f"/api/v1/posts/{seat.slug}/?as_at=2023-06-01").json()
    assert (row["membership_maintained"], row["vacancies"], row["holders_not_recorded"]) == (
        False,
        None,
        2,
    )


def test_secretariat_cannot_move_a_seat_to_another_systems_board(api_world, as_role):
    client = as_role("secretariat")
    response = client.patch(
        f"/api/v1/posts/{api_world.own.empty_post.slug}/",
        {"board": api_world.other.board.slug},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "board": [f"No body '{api_world.other.board.slug}' that you may link to."]
    }
    api_world.own.empty_post.refresh_from_db()
    assert api_world.own.empty_post.board == api_world.own.board


def test_deleting_a_seat_with_appointments_is_a_conflict_naming_them(api_world, as_role):
    # Only a superuser may delete a seat at all; even then, not one with appointments.
    response = as_role("superuser").delete(f"/api/v1/posts/{api_world.own.post.slug}/")
    assert response.status_code == 409
    assert "appointments" in response.json()["detail"] or "memberships" in response.json()["detail"]
    assert Post.objects.filter(pk=api_world.own.post.pk).exists()


OFFICE_ON_A_COMMITTEE = "An ICB board office is recorded only on a seat of an ICB board"


def test_an_icb_board_office_on_a_committee_seat_is_refused_by_the_api(api_as, own):
    committee = factories.BoardFactory(system=own.system, kind=BoardKind.ICB_COMMITTEE)
    response = api_as("secretariat-own").post(
        "/api/v1/posts/",
        {"board": committee.slug, "label": "Chief executive", "office": "chief_executive"},
        format="json",
    )
    assert response.status_code == 400
    assert OFFICE_ON_A_COMMITTEE in response.json()["errors"]["office"][0]
    assert not Post.objects.filter(board=committee).exists()


def test_the_seat_admin_refuses_it_with_the_same_message(login, own):
    committee = factories.BoardFactory(system=own.system, kind=BoardKind.ICB_COMMITTEE)
    client = login("secretariat-own")
    add = "/admin/partnerships/post/add/"
    data = page_data(client.get(add))
    data.update(
        {"board": str(committee.pk), "label": "Chief executive", "office": "chief_executive"}
    )
    response = client.post(add, data)
    assert response.status_code == 200
    assert OFFICE_ON_A_COMMITTEE in str(response.context["adminform"].form.errors["office"])
    assert not Post.objects.filter(board=committee).exists()
