from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The framework layer as a Django app: the Postgres extensions migration and the base
    admin templates."""

    name = "icsgov.core"
    label = "core"
    verbose_name = "Registry framework"
