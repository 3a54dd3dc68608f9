"""`manage.py import_registry PATH`: load a file written by export_registry into an empty
database, in one transaction, without firing the history triggers (icsgov/backup.py)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from icsgov import backup


class Command(BaseCommand):
    help = (
        "Load a file written by export_registry ('-': standard input; compressed or not) into "
        "an EMPTY database (a new one, migrated): all of it in one transaction or nothing, the "
        "history as it was (its triggers are off during the load), sequences reset after. "
        "--check only checks the file."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file to read ('-': standard input).")
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="The database to load (default: default)."
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only check the file (format, version, tables, columns, counts, checksums); "
            "touch no database.",
        )

    def handle(self, *args, path, database, check, **options):
        try:
            with backup.reading(path) as stream:
                if check:
                    loaded = backup.check_file(stream)
                else:
                    loaded = backup.import_registry(stream, using=database)
        except backup.RegistryFileError as exc:
            what = "The file is not sound" if check else "Nothing imported"
            raise CommandError(f"{what}: {exc}") from exc
        width = max((len(label) for label, _ in loaded), default=0)
        for label, count in loaded:
            self.stdout.write(f"  {label.ljust(width)}  {count}")
        rows = sum(count for _, count in loaded)
        if check:
            message = f"The file is sound: {rows} rows in {len(loaded)} tables, checksums match."
        else:
            message = (
                f"Imported {rows} rows in {len(loaded)} tables from {path}; the history as it "
                "was (no trigger fired), sequences reset."
            )
        self.stdout.write(self.style.SUCCESS(message))
