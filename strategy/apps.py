from django.apps import AppConfig


class StrategyConfig(AppConfig):
    """Strategies, priorities, milestones and development plans. Stands on places and
    partnerships."""

    name = "strategy"
    verbose_name = "Strategy and milestones"
    registry_app = True

    def ready(self):
        from strategy import checks, search, visibility

        visibility.register()
        search.register_indexes()
        checks.register_checks()
