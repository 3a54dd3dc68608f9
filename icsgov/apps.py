from django.apps import AppConfig


class IcsgovConfig(AppConfig):
    name = "icsgov"
    verbose_name = "Registry"

    def ready(self):
        from icsgov import rules

        rules.register()
