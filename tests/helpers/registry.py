"""The registry's models as the tests see them, each with its factory."""

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
