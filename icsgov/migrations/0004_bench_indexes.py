"""Indexes for the history at national scale: one record's changes are asked by its id as text
(django-pghistory's ``Events`` compares ``pgh_obj_id::text``), which the plain index on
``pgh_obj_id`` cannot answer; each history table gets an index on that expression.

The tables are those of the tracked models when the migration runs (every registry model);
a model tracked later needs its own (tests/core/test_explain.py checks the large ones)."""

from django.db import migrations

from icsgov.core.history import event_model, tracked_models


def _name(table):
    return f"{table[:40]}_obj_text"


def create(apps, schema_editor):
    existing = set(schema_editor.connection.introspection.table_names())
    for model in tracked_models():
        table = event_model(model)._meta.db_table
        if table not in existing:  # a model whose migrations come later
            continue
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{_name(table)}" ON "{table}" ((pgh_obj_id::text))'
        )


def drop(apps, schema_editor):
    for model in tracked_models():
        table = event_model(model)._meta.db_table
        schema_editor.execute(f'DROP INDEX IF EXISTS "{_name(table)}"')


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_bench_indexes"),
        ("icsgov", "0003_change_proxy"),
        ("partnerships", "0017_bench_indexes"),
        ("places", "0007_bench_indexes"),
        ("strategy", "0008_strategy_duties"),
    ]

    operations = [migrations.RunPython(create, drop)]
