from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The framework layer as a Django app: the Postgres extensions migration and the base
    admin templates."""

    name = "icsgov.core"
    label = "core"
    verbose_name = "Sources"
    #: Its one concrete model, Source, is a registry model like the apps' (the registry
    #: contract holds it to the same declarations).
    registry_app = True

    def ready(self):
        from django.db.models import Q
        from django.db.models.signals import post_migrate

        from icsgov.core import caching

        # Tables made by any migration are watched for the read cache's change mark.
        # Once per migrate (the signal is sent for every app; this answers the framework's).
        post_migrate.connect(
            caching.on_post_migrate, sender=self, dispatch_uid="icsgov-read-cache-watch"
        )

        from icsgov.core import visibility
        from icsgov.core.models import Source

        visibility.register(Source, lambda prefix="": Q(**{f"{prefix}is_published": True}))
