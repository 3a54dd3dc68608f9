from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    """Organisations, bodies, people, seats, appointments, terms of reference and meetings.
    Stands on places."""

    name = "partnerships"
    verbose_name = "Partnerships, bodies and appointments"
    registry_app = True

    def ready(self):
        from icsgov.core import registry
        from partnerships import (
            checks,
            checks_interests,
            checks_meetings,
            search,
            selectors,
            visibility,
        )

        visibility.register()
        search.register_indexes()
        checks.register_checks()
        checks_interests.register_checks()
        checks_meetings.register_checks()
        # ``System.councils_on(date)``: the councils are ours, the system is places'.
        registry.provide("councils_on", selectors.councils_on)
