"""A seat's page saves its appointments together: ending the holder (or the chair) and
appointing the successor in one save works, and two new chairs in one submission are a row
error, never the catch-all "Nothing was saved" message."""

import datetime

import pytest

from partnerships.choices import ChairModel, Role
from partnerships.models import Membership
from tests import factories
from tests.helpers.admin_forms import add_rows, page_data

pytestmark = pytest.mark.django_db


def seat_url(post):
    return f"/admin/partnerships/post/{post.pk}/change/"


def end_first_row_and_add(client, post, end, rows):
    data = page_data(client.get(seat_url(post)))
    data["memberships-0-end_date"] = end
    return client.post(seat_url(post), add_rows(data, "memberships", rows))


def successor(person, start):
    return {"person": str(person.pk), "kind": "member", "start_date": start, "voting": "unknown"}


def test_ending_the_holder_and_appointing_the_successor_in_one_save(login, own):
    seat = factories.PostFactory(board=own.board, places=1)
    holder = factories.MembershipFactory(post=seat, start_date=datetime.date(2022, 11, 1))
    newcomer = factories.PersonFactory(system=own.system)

    response = end_first_row_and_add(
        login("secretariat-own"), seat, "2023-03-31", [successor(newcomer, "2023-04-01")]
    )

    assert response.status_code == 302, response.context and response.context["errors"]
    holder.refresh_from_db()
    assert holder.end_date == datetime.date(2023, 3, 31)
    assert Membership.objects.get(person=newcomer).start_date == datetime.date(2023, 4, 1)


def test_ending_the_chair_and_appointing_the_next_in_one_save(login, own):
    own.board.chair_model = ChairModel.ICB_CHAIR
    own.board.save()
    chair_seat = factories.PostFactory(board=own.board, role=Role.CHAIR, places=1)
    chair = factories.MembershipFactory(post=chair_seat, start_date=datetime.date(2022, 11, 1))
    next_chair = factories.PersonFactory(system=own.system)

    response = end_first_row_and_add(
        login("secretariat-own"), chair_seat, "2024-03-31", [successor(next_chair, "2024-04-01")]
    )

    assert response.status_code == 302
    chair.refresh_from_db()
    assert chair.end_date == datetime.date(2024, 3, 31)
    assert Membership.objects.filter(person=next_chair, post=chair_seat).exists()


def test_two_new_chairs_in_one_submission_is_an_error_on_the_second_row(login, own):
    own.board.chair_model = ChairModel.ICB_CHAIR
    own.board.save()
    chair_seat = factories.PostFactory(board=own.board, role=Role.CHAIR, places=2)
    first, second = (factories.PersonFactory(system=own.system) for _ in range(2))
    client = login("secretariat-own")
    data = page_data(client.get(seat_url(chair_seat)))
    data = add_rows(
        data, "memberships", [successor(first, "2024-04-01"), successor(second, "2024-04-01")]
    )

    response = client.post(seat_url(chair_seat), data)

    assert response.status_code == 200  # the page again, with the error on its row
    formset = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "memberships"
    )
    errors = [" ".join(form.non_field_errors()) for form in formset.forms]
    assert errors[0] == ""
    assert "has one chair at a time" in errors[1]
    assert str(first) in errors[1]
    assert "Nothing was saved" not in response.content.decode()
    assert not Membership.objects.filter(post=chair_seat).exists()


def test_the_rows_are_checked_again_under_the_lock_when_saved(own):
    """The save re-checks the rows together inside its transaction (a race with another user's
    save is refused, not half written)."""
    from django.core.exceptions import ValidationError

    from partnerships.rules.appointments import save_together

    seat = factories.PostFactory(board=own.board, places=1)
    factories.MembershipFactory(post=seat, start_date=datetime.date(2022, 11, 1))
    late = Membership(
        person=factories.PersonFactory(), post=seat, start_date=datetime.date(2023, 1, 1)
    )
    with pytest.raises(ValidationError, match="already filled"):
        save_together([late], lambda: late.save())
    assert not Membership.objects.filter(person=late.person).exists()


def test_two_new_appointments_to_a_one_place_seat_inline_save_nothing(login, own):
    seat = factories.PostFactory(board=own.board, label="Director of public health", places=1)
    client = login("secretariat-own")
    url = f"/admin/partnerships/post/{seat.pk}/change/"
    data = page_data(client.get(url))
    row = {"kind": "member", "start_date": "2024-01-01", "voting": "unknown"}
    add_rows(
        data,
        "memberships",
        [
            {**row, "person": factories.PersonFactory().pk},
            {**row, "person": factories.PersonFactory().pk},
        ],
    )
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.errors
    assert any("Director of public health" in str(e) for e in errors)
    assert not seat.memberships.exists()


def test_two_appointments_in_different_seats_inline_save_together(login, own):
    seat = factories.PostFactory(board=own.board, label="Councillors", places=2)
    client = login("secretariat-own")
    url = f"/admin/partnerships/post/{seat.pk}/change/"
    data = page_data(client.get(url))
    row = {"kind": "member", "start_date": "2024-01-01", "voting": "unknown"}
    people = [factories.PersonFactory().pk, factories.PersonFactory().pk]
    add_rows(data, "memberships", [{**row, "person": pk} for pk in people])
    assert client.post(url, data).status_code == 302
    assert seat.memberships.count() == 2
