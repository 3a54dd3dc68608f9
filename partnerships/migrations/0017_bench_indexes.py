"""Indexes for national-scale reads: the search of people, organisations, bodies, seats,
meetings and papers (icsgov.core.search)."""

from django.db import migrations

from icsgov.core.search import search_indexes_operation


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_bench_indexes"),
        ("partnerships", "0016_meeting_cycles"),
    ]

    operations = [
        search_indexes_operation("partnerships.Person", "name", ("name", "biography")),
        search_indexes_operation("partnerships.Organisation", "name", ("name", "short_name")),
        search_indexes_operation("partnerships.Board", "name", ("name", "short_name", "purpose")),
        search_indexes_operation("partnerships.Post", "label", ("label", "notes")),
        search_indexes_operation("partnerships.Meeting", "title", ("title", "purpose", "location")),
        search_indexes_operation("partnerships.MeetingPaper", "title", ("title",)),
    ]
