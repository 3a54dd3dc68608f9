"""The changes feed's keys (``icsgov.ChangeKey``): every history event's key, time, record and
label in one table, kept by database triggers on each event table.

django-pghistory keeps one event table per tracked model, and its ``Events`` reads them as one
list through a ``UNION ALL`` of all of them. Ordering that list means building all of it:
about 376,000 events at national scale, 0.2 s a page however few are shown. The keys table
holds the same list in one table with an index in the feed's order, so a page is read from the
top of that index, each key checked against what the viewer may see as it is read
(``history.visible_keys``; docs/performance.md, 23 and 29).

Each event table has four statement-level triggers (``AFTER INSERT``, ``UPDATE`` and
``DELETE``, with transition tables, so a bulk insert of events — the synthetic generator's, the
registry import's — is one ``INSERT ... SELECT`` into the keys, not one a row; and ``AFTER
TRUNCATE``, which empties that table's keys). They write in the same transaction as the
event. :func:`install` puts them on every tracked model's event table that lacks them (or whose
triggers name another model) and makes that table's keys again from its events, and removes the
keys of event tables the registry no longer has; migration ``0008_change_keys`` runs it, and so
does every ``migrate`` afterwards (``post_migrate``), for event tables made by later migrations.
"""

from django.db import connections, transaction

from icsgov.core import history

FUNCTION = "icsgov_change_keys_write"
TABLE = "icsgov_change_key"
#: (trigger name, event, REFERENCING clause)
TRIGGERS = (
    ("icsgov_change_keys_added", "INSERT", "NEW TABLE AS added"),
    ("icsgov_change_keys_changed", "UPDATE", "OLD TABLE AS removed NEW TABLE AS added"),
    ("icsgov_change_keys_removed", "DELETE", "OLD TABLE AS removed"),
    ("icsgov_change_keys_emptied", "TRUNCATE", ""),
)

#: The keys table's columns, as the trigger and the backfill write them.
COLUMNS = (
    "pgh_slug, pgh_model, pgh_id, pgh_created_at, pgh_obj_model, pgh_obj_id, pgh_label, "
    "pgh_context_id"
)

#: The trigger function: its arguments are the event model's label and the tracked model's.
FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM {TABLE} WHERE pgh_model = TG_ARGV[0];
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM {TABLE} k USING removed r WHERE k.pgh_slug = TG_ARGV[0] || ':' || r.pgh_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO {TABLE} ({COLUMNS})
        SELECT TG_ARGV[0] || ':' || a.pgh_id, TG_ARGV[0], a.pgh_id, a.pgh_created_at,
               TG_ARGV[1], a.pgh_obj_id::text, a.pgh_label, a.pgh_context_id
        FROM added a
        ON CONFLICT (pgh_slug) DO UPDATE SET pgh_created_at = excluded.pgh_created_at,
            pgh_obj_model = excluded.pgh_obj_model, pgh_obj_id = excluded.pgh_obj_id,
            pgh_label = excluded.pgh_label, pgh_context_id = excluded.pgh_context_id;
    END IF;
    RETURN NULL;
END $$;
"""

DROP_FUNCTION_SQL = f"DROP FUNCTION IF EXISTS {FUNCTION}() CASCADE"


def _quoted(value):
    return "'" + value.replace("'", "''") + "'"


def tables() -> list[tuple[str, str, str]]:
    """(event table, event model label, tracked model label) of every tracked model."""
    found = []
    for model in history.tracked_models():
        events = history.event_model(model)
        found.append((events._meta.db_table, events._meta.label, model._meta.label))
    return found


def _arguments(event_label, tracked_label) -> bytes:
    """The trigger's arguments as ``pg_trigger.tgargs`` holds them."""
    return f"{event_label}\0{tracked_label}\0".encode()


def missing(connection) -> list[str]:
    """The event tables (of those that exist) without all of the keys' triggers, or with
    triggers that name another model (a model or app renamed)."""
    existing = set(connection.introspection.table_names())
    wanted = {table: (e, t) for table, e, t in tables() if table in existing}
    if not wanted:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, t.tgname, t.tgargs FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relname = ANY(%s) AND t.tgname = ANY(%s)",
            [list(wanted), [name for name, *_ in TRIGGERS]],
        )
        right = {}
        for table, name, arguments in cursor.fetchall():
            if bytes(arguments) == _arguments(*wanted[table]):
                right.setdefault(table, set()).add(name)
    return [table for table in wanted if len(right.get(table, ())) != len(TRIGGERS)]


def install(connection):
    """Put the triggers on every event table that lacks them and make that table's keys again
    from its events; remove the keys of event tables the registry no longer has. In one
    transaction (``CREATE TRIGGER`` holds off the table's writers until it commits, so no event
    is written or removed between the triggers and the keys). Does nothing before the keys
    table exists; four statements when every table has its triggers."""
    if TABLE not in connection.introspection.table_names():
        return
    with transaction.atomic(using=connection.alias):
        lacking = set(missing(connection))
        qn = connection.ops.quote_name
        tracked = tables()
        with connection.cursor() as cursor:
            labels = [event_label for _, event_label, _ in tracked]
            cursor.execute(f"DELETE FROM {TABLE} WHERE pgh_model <> ALL(%s)", [labels])
            cursor.execute(FUNCTION_SQL)  # as this code has it
            if not lacking:
                return
            for table, event_label, tracked_label in tracked:
                if table not in lacking:
                    continue
                arguments = f"{_quoted(event_label)}, {_quoted(tracked_label)}"
                for name, event, referencing in TRIGGERS:
                    cursor.execute(
                        f"CREATE OR REPLACE TRIGGER {name} AFTER {event} ON {qn(table)} "
                        f"{'REFERENCING ' if referencing else ''}{referencing} FOR EACH STATEMENT "
                        f"EXECUTE FUNCTION {FUNCTION}({arguments})"
                    )
                cursor.execute(f"DELETE FROM {TABLE} WHERE pgh_model = %s", [event_label])
                cursor.execute(
                    f"INSERT INTO {TABLE} ({COLUMNS}) "
                    "SELECT %s || ':' || e.pgh_id, %s, e.pgh_id, e.pgh_created_at, %s, "
                    f"e.pgh_obj_id::text, e.pgh_label, e.pgh_context_id FROM {qn(table)} e",
                    [event_label, event_label, tracked_label],
                )


def uninstall(connection):
    qn = connection.ops.quote_name
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table, *_ in tables():
            if table in existing:
                for name, *_ in TRIGGERS:
                    cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {qn(table)}")
        cursor.execute(DROP_FUNCTION_SQL)


def on_post_migrate(using="default", **kwargs):
    install(connections[using])
