"""Every registry model tells the framework what it needs to know (icsgov.core.registry): how it
reaches its system, who may see it, whether the API serves it, and it has a factory and help
text on every field. A new model that forgets one fails here."""

import inspect
import pkgutil
import tomllib
from pathlib import Path

import pytest

import icsgov
from icsgov.core import registry, scoping, visibility
from tests import factories

MODELS = registry.registry_models()
ROOT = Path(__file__).resolve().parents[2]


def model_id(model):
    return model._meta.label


def test_the_three_apps_and_the_frameworks_sources_hold_the_registry_models():
    assert {m._meta.app_label for m in MODELS} == {"core", "places", "partnerships", "strategy"}
    assert [m.__name__ for m in MODELS if m._meta.app_label == "core"] == ["Source"]


@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_every_registry_model_declares_how_it_reaches_its_system(model):
    scope = scoping.scope_of(model)
    assert isinstance(scope, scoping.Scope), f"{model.__name__} has no system_scope"
    for path in scope.paths:
        if path != "pk":
            # The path resolves to the system model (raises if a step is misspelt).
            scoping._multi_valued(model, path)


@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_every_registry_model_has_a_visibility_rule_or_is_never_public(model):
    assert visibility.is_declared(model), f"{model.__name__}: register a rule or never_public"
    assert hasattr(model._default_manager, "public"), f"{model.__name__} has no public()"


def served_models():
    from icsgov.api.urls import router

    return {
        viewset.queryset.model for _, viewset, _ in router.registry if viewset.queryset is not None
    }


def has_public_rule(model):
    """Whether ``model`` has a publication rule (icsgov.core.visibility), i.e. some of its rows
    may be public; a model without one is declared never public."""
    try:
        visibility.rule_for(model)
    except KeyError:
        return False
    return True


@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_every_public_registry_model_has_an_api_resource(model):
    """Every public fact is reachable through the API: a model with a publication rule has a
    resource of its own (a list, a detail, filters), not only a place nested in another's
    answers. ``registry.not_in_api`` is for models that are never public."""
    if has_public_rule(model):
        assert model in served_models(), (
            f"{model.__name__} has a publication rule: serve it in its app's api/urls.py"
        )
        assert model not in registry.api_exemptions(), (
            f"{model.__name__} is served and public: drop its registry.not_in_api line"
        )
    else:
        assert model in served_models() or model in registry.api_exemptions(), (
            f"{model.__name__}: add an API resource, or registry.not_in_api(model, why)"
        )


def test_only_models_never_public_are_left_out_of_the_api():
    public = [m.__name__ for m in registry.api_exemptions() if has_public_rule(m)]
    assert public == [], f"public models declared not_in_api: {public}"


FACTORIES = {
    obj._meta.model
    for _, obj in inspect.getmembers(factories, inspect.isclass)
    if issubclass(obj, factories.factory.django.DjangoModelFactory) and obj._meta.model
}


@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_every_registry_model_has_a_factory(model):
    assert model in FACTORIES, f"tests/factories.py has no factory for {model.__name__}"


@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_every_field_has_help_text(model):
    missing = [
        field.name
        for field in model._meta.get_fields()
        if field.concrete and not field.auto_created and not getattr(field, "help_text", "")
    ]
    assert missing == [], f"{model.__name__} fields without help_text: {missing}"


def test_the_import_contract_lists_every_top_floor_module():
    """The layers contract names the top floor's modules one by one (the framework, icsgov.core,
    is its own layer), so a new module of icsgov/ must be placed in it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers")
    top = {name.strip() for name in contract["layers"][0].split(":")}
    modules = {
        f"icsgov.{m.name}" for m in pkgutil.iter_modules(icsgov.__path__) if m.name != "core"
    }
    modules -= {"icsgov.__init__"}
    assert modules == top
