"""The registers in the admin: the lists filter by system, body, category and overdue review;
another system's secretariat cannot open an entry; a withheld entry's form shows its reason."""

import datetime

import pytest

from icsgov.core.dates import today
from tests import factories

LIST = "/admin/partnerships/interest/"


def listed(client, query=""):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    return set(response.context["cl"].result_list)


@pytest.mark.django_db
def test_the_declarations_list_filters_by_body_category_and_overdue_review(login, own):
    old = today() - datetime.timedelta(days=400)
    overdue = factories.InterestFactory(membership=own.membership, declared_on=old)
    elsewhere = factories.MembershipFactory(post=factories.PostFactory())
    recent = factories.InterestFactory(
        membership=factories.MembershipFactory(post=factories.PostFactory(board=own.board)),
        category="indirect",
        declared_on=today() - datetime.timedelta(days=10),
    )
    client = login("secretariat-own")
    assert listed(client) == {overdue, recent}
    assert listed(client, "category__exact=indirect") == {recent}
    assert listed(client, f"membership__post__board__id__exact={own.board.pk}") == {
        overdue,
        recent,
    }
    assert listed(client, "review=overdue") == {overdue}
    del elsewhere


@pytest.mark.django_db
def test_another_systems_secretariat_cannot_open_a_declaration(login, own):
    entry = factories.InterestFactory(membership=own.membership)
    url = f"{LIST}{entry.pk}/change/"
    assert login("secretariat-other").get(url).status_code in (302, 404)
    assert login("secretariat-own").get(url).status_code == 200


@pytest.mark.django_db
def test_the_gifts_list_filters_by_kind(login, own):
    lunch = factories.GiftOrHospitalityFactory(membership=own.membership)
    factories.GiftOrHospitalityFactory(membership=own.membership, kind="gift", value_gbp=3)
    response = login("secretariat-own").get(
        "/admin/partnerships/giftorhospitality/?kind__exact=hospitality"
    )
    assert set(response.context["cl"].result_list) == {lunch}
