from django.apps import AppConfig


class IcsgovConfig(AppConfig):
    name = "icsgov"
    verbose_name = "Registry"
