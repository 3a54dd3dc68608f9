"""Indexes for lists whose order starts in another table: appointments, seats and terms of
reference by their body's name, and meetings with their attendance, papers and decisions from
the newest meeting down. With them a list's first page is read in its order from the top
instead of every row being joined and sorted first (docs/performance.md, 25)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0019_search_decisions_agenda_items"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="board",
            index=models.Index(fields=["name"], name="partnerships_board_by_name"),
        ),
        migrations.AddIndex(
            model_name="meeting",
            index=models.Index(fields=["-date"], name="partnerships_meeting_newest"),
        ),
    ]
