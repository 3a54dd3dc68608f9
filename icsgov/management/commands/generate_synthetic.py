import time

from django.core.management.base import BaseCommand

from icsgov.core.history import command_context
from icsgov.synthetic import Shape, delete_synthetic, generate


class Command(BaseCommand):
    help = (
        "Generate national-scale SYNTHETIC data (42 systems by default: 40 bodies, 20 seats a "
        "body, appointments with turnover, meetings with attendance, milestones) for benchmarks "
        "and load tests. Marked synthetic and unpublished (--publish to measure anonymous reads "
        "with ICSGOV_SHOW_SYNTHETIC=true); replaces earlier synthetic data; --delete removes it."
    )

    def add_arguments(self, parser):
        shape = Shape()
        parser.add_argument("--systems", type=int, default=shape.systems, help="How many systems.")
        parser.add_argument(
            "--places", type=int, default=shape.places_per_system, help="Places per system."
        )
        parser.add_argument(
            "--clusters", type=int, default=None, help="Clusters per place (default 6 to 8)."
        )
        parser.add_argument(
            "--bodies", type=int, default=shape.bodies_per_system, help="Bodies per system."
        )
        parser.add_argument(
            "--seats", type=int, default=shape.seats_per_board, help="Seats per body."
        )
        parser.add_argument(
            "--meetings", type=int, default=shape.meetings_per_board, help="Meetings per body."
        )
        parser.add_argument("--seed", type=int, default=2022, help="Random seed.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Mark the records published (shown only where ICSGOV_SHOW_SYNTHETIC=true).",
        )
        parser.add_argument(
            "--delete", action="store_true", help="Only delete existing synthetic data."
        )

    def handle(self, *args, **options):
        began = time.monotonic()
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
                    bodies_per_system=options["bodies"],
                    seats_per_board=options["seats"],
                    meetings_per_board=options["meetings"],
                ),
                seed=options["seed"],
                publish=options["publish"],
            )
        summary = ", ".join(f"{n} {what}" for what, n in counts.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Synthetic data generated in {time.monotonic() - began:.0f} s: {summary}."
            )
        )
