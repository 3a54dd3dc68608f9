"""The registry's change mark for the read cache (icsgov/core/caching.py): a counter moved on at
the commit of every transaction that writes to any table, by statement-level triggers on every
table (those made by later migrations get theirs after each ``migrate``)."""

from django.db import migrations

from icsgov.core import caching


def watch(apps, schema_editor):
    caching.watch_tables(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("icsgov", "0004_bench_indexes")]

    operations = [
        migrations.RunSQL(caching.INSTALL_SQL, caching.UNINSTALL_SQL),
        migrations.RunPython(watch, migrations.RunPython.noop),
    ]
