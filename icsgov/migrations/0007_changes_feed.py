"""Indexes for the changes feed at national scale (icsgov/core/history.py): each history table
gets one on (pgh_obj_id, pgh_id), so that the previous event of a record — what an update is
compared with — is one index probe (django-pghistory's ``Events`` and the feed's "update that
changed only private fields" both look it up); the tables of models with private fields also
get one on their updates alone, which is where those updates are looked for.

The tables are those of the tracked models when the migration runs (every registry model);
a model tracked later needs its own (tests/core/test_explain.py checks the feed's plan)."""

from django.db import migrations

from icsgov.core.history import event_model, tracked_models
from icsgov.core.visibility import private_fields


def _names(table):
    return f"{table[:40]}_obj_seq", f"{table[:40]}_updates"


def create(apps, schema_editor):
    existing = set(schema_editor.connection.introspection.table_names())
    for model in tracked_models():
        table = event_model(model)._meta.db_table
        if table not in existing:  # a model whose migrations come later
            continue
        by_record, updates = _names(table)
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{by_record}" ON "{table}" (pgh_obj_id, pgh_id)'
        )
        if private_fields(model):
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{updates}" ON "{table}" (pgh_id) '
                "WHERE pgh_label = 'update'"
            )


def drop(apps, schema_editor):
    for model in tracked_models():
        for name in _names(event_model(model)._meta.db_table):
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_bench_indexes"),
        ("icsgov", "0006_api_throttle"),
        ("partnerships", "0019_search_decisions_agenda_items"),
        ("places", "0007_bench_indexes"),
        ("strategy", "0009_needs_assessments"),
    ]

    operations = [migrations.RunPython(create, drop)]
