"""A person's public page: their public roles, past and present, never contact details; an
unpublished person has no page."""

import datetime

import pytest

from partnerships.choices import Role
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_person_page_lists_public_roles_past_and_present_never_contact_details(client):
    person = f.PersonFactory(name="Priya Singh", honorific="Cllr")
    f.MembershipFactory(
        person=person,
        post__label="Local authority member",
        post__board__name="Southampton HWB",
        start_date=datetime.date(2022, 11, 1),
    )
    f.MembershipFactory(
        person=person,
        post__label="Vice-chair seat",
        post__role=Role.VICE_CHAIR,
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2021, 12, 31),
    )
    f.MembershipFactory(person=person, post__label="Hidden seat", is_published=False)

    html = client.get(f"/people/{person.slug}/").content.decode()

    assert "Cllr Priya Singh" in html
    assert "Southampton HWB" in html and "Local authority member" in html
    assert "Vice-chair seat" in html and "31 December 2021" in html
    assert "Hidden seat" not in html
    assert person.email not in html and person.phone not in html


def test_unpublished_person_is_not_found(client):
    person = f.PersonFactory(is_published=False)
    assert client.get(f"/people/{person.slug}/").status_code == 404


def test_a_roles_dates_read_as_people_say_them(client):
    person = f.PersonFactory(slug="dated-person")
    f.MembershipFactory(
        person=person, start_date=datetime.date(2023, 4, 1), start_precision="month"
    )
    f.MembershipFactory(
        person=person,
        start_date=datetime.date(2022, 7, 1),
        end_date=datetime.date(2023, 3, 31),
    )
    f.MembershipFactory(
        person=person, start_date=datetime.date(2022, 3, 28), start_precision="on_or_before"
    )

    html = client.get("/people/dated-person/").content.decode()

    assert "Since April 2023" in html
    assert "1 July 2022 to 31 March 2023" in html
    assert "In post on or before 28 March 2022" in html
    assert "Since on or before" not in html
