from django.core.management.base import BaseCommand, CommandError

from icsgov.core.history import command_context
from icsgov.seed.loader import SeedError, load_seed


class Command(BaseCommand):
    help = (
        "Load the real seed dataset (both seed systems, the case-study ICPs, the national "
        "timeline) from icsgov/seed/data. Safe to run again: unchanged records are not written."
    )

    def handle(self, *args, **options):
        try:
            with command_context("load_seed"):
                stats = load_seed()
        except SeedError as exc:
            raise CommandError(f"Seed data not loaded, nothing changed: {exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Seed data loaded: {stats}."))
