from django.core.management.base import BaseCommand

from icsgov.core.history import command_context
from icsgov.seed.demo import SYSTEM_NAME, load_demo, remove_demo


class Command(BaseCommand):
    help = (
        f"Load the demonstration system ('{SYSTEM_NAME}'): clearly fictional data with the "
        "shape of a real system, shown with a banner and never listed among real systems. "
        "Loading again changes nothing; --remove deletes it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--remove", action="store_true", help="Delete the demonstration system instead."
        )

    def handle(self, *args, **options):
        with command_context("load_demo"):
            if options["remove"]:
                removed = remove_demo()
                message = "Demonstration system removed." if removed else "Nothing to remove."
                self.stdout.write(self.style.SUCCESS(message))
                return
            stats = load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"{SYSTEM_NAME}: {stats.created} records added, {stats.updated} updated, "
                f"{stats.unchanged} unchanged. Remove it with: manage.py load_demo --remove"
            )
        )
