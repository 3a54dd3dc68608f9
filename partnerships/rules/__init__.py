"""The partnerships app's rules, one module per rule, for every door.

The database refuses what must never be stored (constraints on the models). The rules here need
counting or reading other rows, so they live in Python; the models' ``clean()`` calls them, so
the admin, the API, the spreadsheet import, the seed loader and commands — every door that calls
``full_clean()`` — apply them, with the same messages. Appointments are re-checked under a lock
when saved (``appointments.lock_seat``).

- ``seats``: who takes up a place, filled and vacant counts, a seat's size and dates;
- ``appointments``: the same person twice, seat capacity, seat dates, deputies;
- ``chairs``: who chairs, and one chair at a time unless the chair model allows more;
- ``terms``: one version of a body's terms of reference in force at a time;
- ``attendance``: an attendance belongs to a member of the meeting's body on the meeting date;
- ``people``: which system a new person goes in.
"""
