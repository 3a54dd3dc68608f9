"""Every model has a factory that makes a valid record."""

import pytest
from django.apps import apps

from tests import factories

FACTORIES = {
    cls._meta.model: cls
    for cls in vars(factories).values()
    if isinstance(cls, type)
    and issubclass(cls, factories.factory.django.DjangoModelFactory)
    and cls._meta.model is not None
}


def registry_models():
    return [
        model
        for app in ("places", "partnerships", "strategy")
        for model in apps.get_app_config(app).get_models()
        if not model._meta.label.endswith("Event")
    ]


def test_every_model_has_a_factory():
    assert [m._meta.label for m in registry_models() if m not in FACTORIES] == []


@pytest.mark.django_db
@pytest.mark.parametrize("model", registry_models(), ids=lambda m: m._meta.label)
def test_factory_makes_a_valid_record(model):
    instance = FACTORIES[model]()
    instance.full_clean()
