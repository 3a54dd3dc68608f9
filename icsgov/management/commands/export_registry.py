"""`manage.py export_registry PATH`: the whole registry, with its users, roles, tokens and
history, as one portable JSON file (icsgov/backup.py; docs/deploy.md says when to use it and
when pg_dump)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from icsgov import backup


class Command(BaseCommand):
    help = (
        "Write the whole registry (every registry table, users, roles, API tokens and the "
        "history) to PATH as the registry's versioned JSON format; '-' writes to standard "
        "output, a PATH ending .gz is compressed. One consistent moment of the database, read "
        "without stopping the registry."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file to write ('-': standard output).")
        parser.add_argument(
            "--database",
            default=DEFAULT_DB_ALIAS,
            help="The database to export (default: default).",
        )

    def handle(self, *args, path, database, **options):
        try:
            with backup.writing(path, self.stdout) as out:
                written = backup.export_registry(out, using=database)
        except OSError as exc:
            raise CommandError(f"Nothing exported: cannot write {path}: {exc.strerror}.") from exc
        rows = sum(count for _, count, _ in written)
        report = self.stderr if path == "-" else self.stdout
        target = "standard output" if path == "-" else path
        report.write(
            f"Exported {rows} rows in {len(written)} tables to {target}.",
            style_func=self.style.SUCCESS,
        )
