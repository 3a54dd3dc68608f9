from django.contrib.postgres.operations import (
    BtreeGistExtension,
    TrigramExtension,
    UnaccentExtension,
)
from django.db import migrations


class Migration(migrations.Migration):
    """Postgres extensions the registry relies on: btree_gist for exclusion constraints over
    date ranges with equality, pg_trgm and unaccent for search.

    This migration lived in the project app (``icsgov``) before the framework layer had an app
    of its own; ``replaces`` lets a database that applied the old one count this one as applied,
    so the move needs no manual step."""

    replaces = [("icsgov", "0001_extensions")]

    dependencies = []

    operations = [BtreeGistExtension(), TrigramExtension(), UnaccentExtension()]
