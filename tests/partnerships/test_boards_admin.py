"""Bodies in the admin: a body's page shows each seat's places filled today and its terms'
versions; a new body goes in one of the user's systems."""

import datetime

import pytest

from tests import factories
from tests.helpers.admin_forms import change_url


@pytest.mark.django_db
def test_board_page_shows_each_seat_filled_of_total_today(login, own):
    factories.MembershipFactory(
        post=own.post, start_date=datetime.date(2021, 1, 1), end_date=datetime.date(2022, 1, 1)
    )  # ended: does not count
    response = login("secretariat-own").get(change_url(own.board))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Own Healthwatch representative" in page
    assert "1/1" in page  # one current holder of one place; the ended one does not count
    factories.TermsOfReferenceFactory(board=own.board, version="2.0")
    assert "2.0" in login("secretariat-own").get(change_url(own.board)).content.decode()


@pytest.mark.django_db
def test_board_system_choices_are_the_users_systems(login, own, other):
    response = login("secretariat-own").get("/admin/partnerships/board/add/")
    field = response.context["adminform"].form.fields["system"]
    assert list(field.queryset) == [own.system]
