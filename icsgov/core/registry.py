"""Which apps and models are the registry's, as the apps declare them.

An app whose ``AppConfig`` sets ``registry_app = True`` holds registry models: each one declares
how it reaches its system (``system_scope``, icsgov.core.scoping), has a publication rule or is
declared never public (icsgov.core.visibility), is served by the API or declared not to be, has a
factory and ``help_text`` on every field — tests/core/test_registry_contract.py checks every one.
"""

from django.apps import apps


def registry_apps():
    return [config for config in apps.get_app_configs() if getattr(config, "registry_app", False)]


def registry_models() -> list:
    """The registry apps' models, without the event tables history keeps beside them."""
    from pghistory.models import Event

    return [
        model
        for config in registry_apps()
        for model in config.get_models()
        if not issubclass(model, Event)
    ]


#: model -> why the API does not serve it as a resource of its own
_not_in_api: dict = {}


def not_in_api(model, reason: str):
    """Declare that ``model`` has no API resource of its own, and why (e.g. it is nested in its
    parent's answers)."""
    _not_in_api[model] = reason


def api_exemptions() -> dict:
    return dict(_not_in_api)


#: name -> the function an app provides for a question another app's model is asked
_answers: dict = {}


def provide(name: str, function):
    """Register ``function`` as the answer to ``name``: an app that owns a concept answers a
    question a model in a lower app is asked (``System.councils_on`` is answered by
    partnerships, which owns councils), without the lower app importing it."""
    _answers[name] = function


def answer(name: str, *args, **kwargs):
    """Call the function provided for ``name``; a LookupError if no app provides it."""
    try:
        function = _answers[name]
    except KeyError:
        raise LookupError(f"no installed app answers {name!r}") from None
    return function(*args, **kwargs)
