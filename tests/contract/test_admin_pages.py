"""The basic admin: every registry model is in it, and its list, add and change pages open.
(Their query counts: test_query_budget_admin.py.)"""

import pytest
from django.contrib import admin

from tests import factories
from tests.helpers.registry import FACTORIES, registry_models


def changelist_url(model):
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/"


def test_every_registry_model_is_in_the_admin():
    assert [m._meta.label for m in registry_models() if m not in admin.site._registry] == []


@pytest.mark.django_db
@pytest.mark.parametrize("model", registry_models(), ids=lambda m: m._meta.label)
def test_list_add_and_change_pages_open(admin_client, model):
    obj = FACTORIES[model]()
    base = changelist_url(model)
    assert admin_client.get(base).status_code == 200
    assert admin_client.get(f"{base}?q=test").status_code == 200
    assert admin_client.get(f"{base}add/").status_code == 200
    assert admin_client.get(f"{base}{obj.pk}/change/").status_code == 200


@pytest.mark.django_db
def test_seat_over_capacity_is_a_form_error_not_a_500(admin_client):
    post = factories.PostFactory(label="Healthwatch representative", places=1)
    factories.MembershipFactory(post=post)
    person = factories.PersonFactory()
    response = admin_client.post(
        "/admin/partnerships/membership/add/",
        {
            "person": person.pk,
            "post": post.pk,
            "kind": "member",
            "start_date": "2023-04-01",
            "start_precision": "day",
            "end_precision": "day",
            "is_published": "on",
        },
    )
    assert response.status_code == 200
    assert "has 1 place and on 1 April 2023 it is already filled by" in response.content.decode()
    assert post.memberships.count() == 1
