"""The basic admin: every registry model is in it, and its list, add and change pages open.
(Their query counts: test_query_budget_admin.py.)"""

import pytest
from django.contrib import admin

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
