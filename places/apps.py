from django.apps import AppConfig


class PlacesConfig(AppConfig):
    """Geography: systems, places, areas, clusters, footprints. The first floor: imports no
    other app."""

    name = "places"
    verbose_name = "Systems and places"
    registry_app = True

    def ready(self):
        from places import search, visibility

        visibility.register()
        search.register_indexes()
