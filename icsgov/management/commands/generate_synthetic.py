from django.core.management.base import BaseCommand

from icsgov.core.history import command_context
from icsgov.synthetic import Shape, delete_synthetic, generate


class Command(BaseCommand):
    help = (
        "Generate national-scale SYNTHETIC data (42 systems by default) for benchmarks and load "
        "tests. Marked synthetic and unpublished; replaces any earlier synthetic data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--systems", type=int, default=42, help="How many systems.")
        parser.add_argument("--places", type=int, default=5, help="Places per system.")
        parser.add_argument("--clusters", type=int, default=6, help="Clusters per place.")
        parser.add_argument("--seed", type=int, default=2022, help="Random seed.")
        parser.add_argument(
            "--delete", action="store_true", help="Only delete existing synthetic data."
        )

    def handle(self, *args, **options):
        with command_context("generate_synthetic"):
            removed = delete_synthetic()
            if removed:
                self.stdout.write(f"Removed earlier synthetic data ({removed} systems).")
            if options["delete"]:
                return
            counts = generate(
                Shape(
                    systems=options["systems"],
                    places_per_system=options["places"],
                    clusters_per_place=options["clusters"],
                ),
                seed=options["seed"],
            )
        summary = ", ".join(f"{n} {what}" for what, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Synthetic data generated: {summary}."))
