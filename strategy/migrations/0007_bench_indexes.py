"""Indexes for the search of strategies, milestones, priorities and glossary terms
(icsgov.core.search)."""

from django.db import migrations

from icsgov.core.search import search_indexes_operation


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_bench_indexes"),
        ("strategy", "0006_dates_with_precision_and_maintained_membership"),
    ]

    operations = [
        search_indexes_operation("strategy.Strategy", "name", ("name", "description")),
        search_indexes_operation("strategy.Milestone", "title", ("title", "description")),
        search_indexes_operation("strategy.Priority", "name", ("name", "description")),
        search_indexes_operation(
            "strategy.GlossaryTerm", "term", ("term", "acronym", "explanation")
        ),
    ]
