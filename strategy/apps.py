from django.apps import AppConfig


class StrategyConfig(AppConfig):
    """Strategies, priorities, milestones and development plans. Stands on places and
    partnerships."""

    name = "strategy"
    verbose_name = "Strategy and milestones"
    registry_app = True

    def ready(self):
        from icsgov.core import glossary
        from strategy import checks, search, visibility
        from strategy.models import GlossaryTerm

        visibility.register()
        glossary.register(lambda: GlossaryTerm.objects.public().acronym_links())
        search.register_indexes()
        checks.register_checks()
