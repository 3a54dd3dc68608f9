"""Indexes for the search of agenda items and decisions (icsgov.core.search): each kind's text
fields as partnerships.search registers them, as 0017_bench_indexes does for the other kinds."""

from django.db import migrations

from icsgov.core.search import search_indexes_operation


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0018_declarations_against_agenda_items"),
    ]

    operations = [
        search_indexes_operation("partnerships.AgendaItem", "title", ("title",)),
        search_indexes_operation("partnerships.Decision", "text", ("text",)),
    ]
