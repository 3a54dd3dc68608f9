"""Every model has a factory that makes a valid record."""

import pytest

from tests.helpers.registry import FACTORIES, registry_models


def test_every_model_has_a_factory():
    assert [m._meta.label for m in registry_models() if m not in FACTORIES] == []


@pytest.mark.django_db
@pytest.mark.parametrize("model", registry_models(), ids=lambda m: m._meta.label)
def test_factory_makes_a_valid_record(model):
    instance = FACTORIES[model]()
    instance.full_clean()
