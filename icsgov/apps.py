from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig


class IcsgovConfig(AppConfig):
    """The project's top floor: roles, history screens, composite pages, seed, commands."""

    name = "icsgov"
    verbose_name = "Registry"
    default = True  # this module holds another AppConfig too (for django-axes)

    def ready(self):
        from django.db.models.signals import post_migrate

        from icsgov import access, change_keys, rules
        from icsgov.core import scoping

        scoping.set_role_source(access.roles_of)
        rules.register()
        # Event tables made by later migrations get the changes feed's key triggers.
        post_migrate.connect(
            change_keys.on_post_migrate, sender=self, dispatch_uid="icsgov-change-keys"
        )


# A library's app under the secretariat's words in the admin (INSTALLED_APPS names it). DRF's
# token app must keep its own name (its model is abstract under any other).


class SignInAttemptsConfig(AxesAppConfig):
    verbose_name = "Sign-in attempts"
