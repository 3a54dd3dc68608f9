"""The seat list: each seat's places filled and vacant today, a filter for seats with vacancies
(or holders not recorded), dates at their precision, in one query however many seats."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from icsgov.core.dates import DatePrecision, today
from tests import factories

SEATS = "/admin/partnerships/post/"


def kept_board(system):
    return factories.BoardFactory(
        system=system, membership_maintained_from=datetime.date(2020, 1, 1)
    )


def rows(response):
    assert response.status_code == 200
    return {post.label: post for post in response.context["cl"].result_list}


@pytest.mark.django_db
def test_the_seat_list_shows_filled_and_vacant_places_and_filters_vacancies(login, own):
    board = kept_board(own.system)
    half = factories.PostFactory(board=board, label="Two-place seat", places=2)
    factories.MembershipFactory(post=half, start_date=today() - datetime.timedelta(days=5))
    full = factories.PostFactory(board=board, label="Full seat", places=1)
    factories.MembershipFactory(post=full, start_date=today() - datetime.timedelta(days=5))
    factories.PostFactory(board=own.board, label="Papers-only seat", places=3)
    client = login("secretariat-own")
    page = client.get(SEATS)
    listed = rows(page)
    admin = page.context["cl"].model_admin
    assert (
        admin.filled_today(listed["Two-place seat"]),
        admin.vacant_today(listed["Two-place seat"]),
    ) == (
        1,
        1,
    )
    assert admin.vacant_today(listed["Full seat"]) == 0
    assert admin.vacant_today(listed["Papers-only seat"]) == "3 holder(s) not recorded"
    headings = page.content.decode().lower()
    assert "filled today" in headings and "vacant today" in headings
    assert set(rows(client.get(SEATS, {"vacancy": "vacant"}))) == {"Two-place seat"}
    assert set(rows(client.get(SEATS, {"vacancy": "not_recorded"}))) == {"Papers-only seat"}
    filled = set(rows(client.get(SEATS, {"vacancy": "filled"})))
    assert "Full seat" in filled and "Two-place seat" not in filled


@pytest.mark.django_db
def test_the_seat_list_shows_a_month_precision_date_as_a_month(login, own):
    factories.PostFactory(
        board=own.board,
        label="Seat from November",
        start_date=datetime.date(2022, 11, 1),
        start_precision=DatePrecision.MONTH,
    )
    page = login("secretariat-own").get(SEATS).content.decode()
    assert "November 2022" in page and "1 November 2022" not in page


@pytest.mark.django_db
@pytest.mark.parametrize("query", [{}, {"vacancy": "vacant"}])
def test_the_seat_list_runs_the_same_queries_for_3_and_30_seats(login, own, query):
    client = login("secretariat-own")
    board = kept_board(own.system)

    def add(n):
        for _ in range(n):
            factories.MembershipFactory(
                post=factories.PostFactory(board=board, places=2),
                start_date=datetime.date(2023, 1, 1),
            )

    add(3)
    with CaptureQueriesContext(connection) as few:
        client.get(SEATS, query)
    add(27)
    with CaptureQueriesContext(connection) as many:
        assert len(rows(client.get(SEATS, query))) >= 30
    assert len(many) == len(few)
