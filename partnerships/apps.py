from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    """Organisations, bodies, people, seats, appointments, terms of reference and meetings.
    Stands on places."""

    name = "partnerships"
    verbose_name = "Partnerships, bodies and appointments"
    registry_app = True

    def ready(self):
        from partnerships import search, visibility

        visibility.register()
        search.register_indexes()
