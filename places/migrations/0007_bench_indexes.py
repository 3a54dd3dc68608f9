"""Indexes for the search of places and clusters (icsgov.core.search)."""

from django.db import migrations

from icsgov.core.search import search_indexes_operation


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_bench_indexes"),
        ("places", "0006_system_history_with_every_field"),
    ]

    operations = [
        search_indexes_operation("places.Place", "name", ("name",)),
        search_indexes_operation("places.Cluster", "name", ("name",)),
    ]
