from django.contrib.postgres.operations import (
    BtreeGistExtension,
    TrigramExtension,
    UnaccentExtension,
)
from django.db import migrations


class Migration(migrations.Migration):
    """Postgres extensions the registry relies on: btree_gist for exclusion constraints over
    date ranges with equality, pg_trgm and unaccent for search."""

    dependencies = []

    operations = [BtreeGistExtension(), TrigramExtension(), UnaccentExtension()]
