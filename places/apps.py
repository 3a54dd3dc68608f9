from django.apps import AppConfig


class PlacesConfig(AppConfig):
    """Geography: systems, places, areas, clusters, footprints. The first floor: imports no
    other app."""

    name = "places"
    verbose_name = "Systems and places"
    registry_app = True

    def ready(self):
        from icsgov.core import registry
        from places import search, visibility
        from places.models import System

        visibility.register()
        search.register_indexes()
        # The systems the compliance checks ask about (icsgov.core.checks.run_checks).
        registry.provide(
            "systems_on", lambda date: System.objects.as_at(date).order_by("name", "pk")
        )
