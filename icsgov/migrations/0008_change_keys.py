"""The changes feed's keys (icsgov/change_keys.py): one table of every history event's key,
kept by triggers on the event tables, filled here with the events already recorded."""

import django.db.models.deletion
from django.db import migrations, models

from icsgov import change_keys


def install(apps, schema_editor):
    change_keys.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    change_keys.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("icsgov", "0007_changes_feed"),
        ("pghistory", "0007_auto_20250421_0444"),
    ]

    operations = [
        migrations.CreateModel(
            name="ChangeKey",
            fields=[
                ("pgh_slug", models.TextField(primary_key=True, serialize=False)),
                ("pgh_model", models.TextField()),
                ("pgh_id", models.BigIntegerField()),
                ("pgh_created_at", models.DateTimeField()),
                ("pgh_obj_model", models.TextField()),
                ("pgh_obj_id", models.TextField()),
                ("pgh_label", models.TextField()),
                (
                    "pgh_context",
                    models.ForeignKey(
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pghistory.context",
                    ),
                ),
            ],
            options={
                "db_table": "icsgov_change_key",
                "indexes": [
                    models.Index(
                        models.OrderBy(models.F("pgh_created_at"), descending=True),
                        models.OrderBy(models.F("pgh_slug"), descending=True),
                        name="icsgov_change_key_feed",
                    ),
                    models.Index(
                        fields=["pgh_obj_model", "pgh_obj_id"], name="icsgov_change_key_obj"
                    ),
                ],
            },
        ),
        migrations.RunPython(install, uninstall),
    ]
