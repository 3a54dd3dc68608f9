from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig


class IcsgovConfig(AppConfig):
    """The project's top floor: roles, history screens, composite pages, seed, commands."""

    name = "icsgov"
    verbose_name = "Registry"
    default = True  # this module holds another AppConfig too (for django-axes)

    def ready(self):
        from icsgov import access, rules
        from icsgov.core import scoping

        scoping.set_role_source(access.roles_of)
        rules.register()


# A library's app under the secretariat's words in the admin (INSTALLED_APPS names it). DRF's
# token app must keep its own name (its model is abstract under any other).


class SignInAttemptsConfig(AxesAppConfig):
    verbose_name = "Sign-in attempts"
