from django.apps import AppConfig


class IcsgovConfig(AppConfig):
    """The project's top floor: roles, history screens, composite pages, seed, commands."""

    name = "icsgov"
    verbose_name = "Registry"

    def ready(self):
        from icsgov import access, rules
        from icsgov.core import scoping

        scoping.set_role_source(access.roles_of)
        rules.register()
