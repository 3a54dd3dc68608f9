"""The whole registry as one portable file, and back (issue #11, "Nothing lost").

``manage.py export_registry PATH`` writes, and ``manage.py import_registry PATH`` loads into an
empty database, everything the registry holds that a new database would not make for itself:

- every registry model (``icsgov.core.registry.registry_models()``) and its many-to-many links;
- the roles (``icsgov.access.SystemAccess``), every user (the registry's users are its staff;
  the history names users by id, so all of them come across with their ids), their groups and
  permissions (by natural key: ``app_label.codename``), and the API tokens;
- the history: every pghistory event table and ``pghistory.Context``.

Not in the file: what ``migrate`` and ``createcachetable`` make (content types, permissions, the
migrations table, the cache), sessions, login lockouts (django-axes), the admin's own log, and
the changes feed's keys (``icsgov.ChangeKey``, which their triggers make again as the event
tables load: icsgov/change_keys.py).

The format, version 1 (docs/deploy.md, "The registry's own export", describes it for readers)::

    {"format": "icsgov-registry", "version": 1, "exported_at": "2026-12-01T22:20:45+00:00",
     "postgresql": "18.1", "migrations": {"places": ["0001_initial", ...], ...},
     "tables": [
      {"table": "places.System", "columns": ["id", "slug", ...], "rows": [
       [1, "hiow", ...],
       [2, "herefordshire-and-worcestershire", ...]
      ], "count": 2, "checksum": "sha256:9f86d0..."},
      ...]}

Each table is named by its Django model label (an automatic many-to-many table by the label
Django gives it, e.g. ``places.System_predecessors``); ``columns`` are its database columns,
``rows`` its rows in primary-key order, each a list of values in the columns' order as
PostgreSQL's ``row_to_json`` gives them (numbers, strings, booleans, null, JSON for JSON
columns, ISO 8601 dates and times, timestamps in UTC). ``checksum`` is the SHA-256 of the
columns and then each row, each written as compact JSON (no spaces, UTF-8 unescaped) followed by
a newline; ``count`` is the number of rows. Tables come in an order that satisfies the foreign
keys (the import defers the constraints anyway, so links in a cycle load too). The writer puts
``format`` and ``version`` before ``tables``, and in each table ``table`` and ``columns`` before
``rows``; the reader needs that order, and nothing else of the layout (whitespace is free).

The export reads every table in one REPEATABLE READ, READ ONLY transaction, so the file is one
consistent moment of the registry while it keeps serving, and streams it table by table, row by
row, through server-side cursors (what ``QuerySet.iterator()`` uses). The import reads the file
as a stream too, inserting in batches, all in one transaction with the history triggers off
(``pgtrigger.ignore()``: the events are the file's, not new ones), then checks the deferred
foreign keys, that each table holds exactly the file's rows, and resets the sequences.
"""

import contextlib
import datetime
import gzip
import hashlib
import io
import json
import os
import re
import sys
from functools import partial

import pgtrigger
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from pghistory.models import Context, Event
from rest_framework.authtoken.models import Token

from icsgov.access import SystemAccess
from icsgov.core.registry import registry_models

FORMAT = "icsgov-registry"
VERSION = 1
ABOUT = (
    "The ICS governance registry's own export: the whole registry, its users, roles, API "
    "tokens and history. Format and commands: docs/deploy.md, 'The registry's own export'."
)
#: Rows inserted per statement on import, and fetched per round trip on export.
BATCH = 1000
#: Characters the import reads from the file at a time.
CHUNK = 1 << 16

_line = partial(json.dumps, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


class RegistryFileError(Exception):
    """The file cannot be loaded (or the database cannot take it); nothing was loaded."""


# -- What goes in the file ------------------------------------------------------------------


class Table:
    """One database table as the file holds it: a model's concrete columns, rows by primary
    key."""

    def __init__(self, model):
        self.model = model
        self.label = model._meta.label
        self.db_table = model._meta.db_table
        self.fields = [f for f in model._meta.concrete_fields if not getattr(f, "generated", False)]
        self.columns = [f.column for f in self.fields]

    @property
    def file_columns(self) -> list[str]:
        return list(self.columns)

    def prepare(self, connection):
        """Read whatever the table's translation needs from ``connection`` (nothing here)."""

    def select_sql(self, connection) -> str:
        qn = connection.ops.quote_name
        # Decimals as text, so no digit is lost on the way through JSON numbers.
        exprs = [
            f"{qn(f.column)}::text AS {qn(f.column)}"
            if f.get_internal_type() == "DecimalField"
            else qn(f.column)
            for f in self.fields
        ]
        return (
            f"SELECT row_to_json(r)::text FROM (SELECT {', '.join(exprs)} FROM "
            f"{qn(self.db_table)}) r ORDER BY r.{qn(self.model._meta.pk.column)}"
        )

    def insert_sql(self, connection) -> str:
        qn = connection.ops.quote_name
        columns = ", ".join(qn(c) for c in self.columns)
        return (
            f"INSERT INTO {qn(self.db_table)} ({columns}) SELECT {columns} "
            f"FROM json_populate_recordset(NULL::{qn(self.db_table)}, %s)"
        )

    def to_file(self, row: dict) -> list:
        return [row[c] for c in self.columns]

    def from_file(self, values: list) -> dict:
        return dict(zip(self.columns, values, strict=True))

    def dependencies(self) -> set:
        return {
            f.remote_field.model
            for f in self.fields
            if f.is_relation and f.remote_field.model is not self.model
        }


class PermissionLinks(Table):
    """A group's or user's permissions: the permission by natural key (``app_label.codename``),
    since permission ids are made by ``migrate`` and may differ from one database to another."""

    def __init__(self, model):
        super().__init__(model)
        self.permission = next(
            f.column for f in self.fields if f.is_relation and f.remote_field.model is Permission
        )
        self._by_id, self._by_name = {}, {}

    @property
    def file_columns(self):
        return ["permission" if c == self.permission else c for c in self.columns]

    def prepare(self, connection):
        rows = Permission.objects.using(connection.alias).values_list(
            "pk", "content_type__app_label", "codename"
        )
        self._by_id = {pk: f"{app}.{codename}" for pk, app, codename in rows}
        self._by_name = {name: pk for pk, name in self._by_id.items()}

    def to_file(self, row):
        return [self._by_id[row[c]] if c == self.permission else row[c] for c in self.columns]

    def from_file(self, values):
        row = super().from_file(values)
        name = row[self.permission]
        if name not in self._by_name:
            raise RegistryFileError(f"{self.label}: this database has no permission {name!r}.")
        row[self.permission] = self._by_name[name]
        return row


def _event_models() -> list:
    return [
        m
        for m in apps.get_models()
        if issubclass(m, Event) and m._meta.managed and not m._meta.proxy
    ]


def tables() -> list[Table]:
    """Every table the file holds, in an order that satisfies the foreign keys where no cycle
    forbids it."""
    models = [
        Group,
        get_user_model(),
        Token,
        Context,
        *registry_models(),
        SystemAccess,
        *_event_models(),
    ]
    plan = []
    for model in models:
        plan.append(Table(model))
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if through._meta.auto_created:
                links = field.remote_field.model is Permission
                plan.append(PermissionLinks(through) if links else Table(through))
    return _in_dependency_order(plan)


def _in_dependency_order(plan):
    exported = {t.model for t in plan}
    waiting, placed, ordered = list(plan), set(), []
    while waiting:
        ready = next(
            (t for t in waiting if not (t.dependencies() & exported) - placed),
            waiting[0],  # a cycle: its constraints are deferred until the end of the import
        )
        waiting.remove(ready)
        placed.add(ready.model)
        ordered.append(ready)
    return ordered


def table_checksum(columns, rows) -> str:
    """The checksum of a table's columns and rows (lists of values) as the file gives them."""
    digest = _Digest(columns)
    for row in rows:
        digest.add(_line(row))
    return digest.value()


class _Digest:
    def __init__(self, columns):
        self._hash = hashlib.sha256()
        self.count = 0
        self._hash.update(_line(columns).encode() + b"\n")

    def add(self, line: str):
        self._hash.update(line.encode() + b"\n")
        self.count += 1

    def value(self) -> str:
        return "sha256:" + self._hash.hexdigest()


def _migrations(connection, apps_labels) -> dict:
    applied = MigrationRecorder(connection).applied_migrations()
    return {
        app: sorted(name for label, name in applied if label == app) for app in sorted(apps_labels)
    }


def _apps_of(plan) -> set:
    return {t.model._meta.app_label for t in plan}


# -- Export ---------------------------------------------------------------------------------


def export_registry(out, using: str = DEFAULT_DB_ALIAS) -> list[tuple[str, int, str]]:
    """Write the whole registry to the text stream ``out``; (table, rows, checksum) of each."""
    connection = connections[using]
    plan = tables()
    written = []
    nested = connection.in_atomic_block
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            if not nested:
                # One moment of the whole registry, as pg_dump gives, without stopping writes.
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SHOW server_version")
            server_version = cursor.fetchone()[0].split()[0]
        header = {
            "format": FORMAT,
            "version": VERSION,
            "about": ABOUT,
            "exported_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "postgresql": server_version,
            "migrations": _migrations(connection, _apps_of(plan)),
        }
        out.write(_line(header)[:-1] + ',"tables":[\n')
        for index, table in enumerate(plan):
            table.prepare(connection)
            columns = table.file_columns
            digest = _Digest(columns)
            out.write(
                ("" if index == 0 else ",\n")
                + f'{{"table":{_line(table.label)},"columns":{_line(columns)},"rows":['
            )
            with connection.chunked_cursor() as cursor:
                cursor.execute(table.select_sql(connection))
                while batch := cursor.fetchmany(BATCH):
                    for (text,) in batch:
                        line = _line(table.to_file(json.loads(text)))
                        out.write(("\n" if digest.count == 0 else ",\n") + line)
                        digest.add(line)
            checksum = digest.value()
            out.write(
                ("\n" if digest.count else "")
                + f'],"count":{digest.count},"checksum":{_line(checksum)}}}'
            )
            written.append((table.label, digest.count, checksum))
        out.write("\n]}\n")
    return written


@contextlib.contextmanager
def writing(path: str, stdout=None):
    """A text stream to write the file to: ``-`` is standard output (``stdout`` if given, e.g. a
    command's), a name ending ``.gz`` is compressed. The file appears under its name only once
    it is complete."""
    if path == "-":
        if stdout is None:
            yield sys.stdout
        else:
            yield _Unended(stdout)
        return
    partial_path = f"{path}.partial"
    opener = partial(gzip.open, mode="wt") if path.endswith(".gz") else partial(open, mode="w")
    try:
        with opener(partial_path, encoding="utf-8", newline="\n") as out:
            yield out
        os.replace(partial_path, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.remove(partial_path)


class _Unended:
    """A management command's ``self.stdout`` without the newline it adds to every write."""

    def __init__(self, wrapper):
        self._wrapper = wrapper

    def write(self, text):
        self._wrapper.write(text, ending="")


# -- Reading the file -----------------------------------------------------------------------


@contextlib.contextmanager
def reading(path: str, stdin=None):
    """A text stream of the file at ``path`` (``-``: standard input), compressed or not."""
    if path == "-":
        raw = (stdin or sys.stdin).buffer
        opened = None
    else:
        try:
            opened = raw = open(path, "rb")  # noqa: SIM115 (closed below)
        except OSError as exc:
            raise RegistryFileError(f"cannot open {path}: {exc.strerror}.") from exc
    try:
        buffered = raw if hasattr(raw, "peek") else io.BufferedReader(raw)
        binary = (
            gzip.GzipFile(fileobj=buffered) if buffered.peek(2)[:2] == b"\x1f\x8b" else buffered
        )
        yield io.TextIOWrapper(binary, encoding="utf-8")
    finally:
        if opened is not None:
            opened.close()


_SPACE = re.compile(r"[ \t\n\r]*")
#: The longest single value (a row, say) the reader holds: a guard against a file that is one
#: endless string.
MAX_VALUE = 256 * 1024 * 1024


def _no_constant(name):
    raise ValueError(f"{name} is not a JSON value")


class _Stream:
    """Reads JSON from a text stream a value at a time, holding one value (a row) at most."""

    def __init__(self, stream):
        self._stream, self._chunk = stream, CHUNK
        self._buf, self._pos, self._eof = "", 0, False
        self._line = 1  # the line _buf starts on
        self._decoder = json.JSONDecoder(parse_constant=_no_constant)

    def _more(self) -> bool:
        if self._eof:
            return False
        try:
            data = self._stream.read(self._chunk)
        except UnicodeDecodeError as exc:
            raise RegistryFileError(f"the file is not UTF-8 text ({exc.reason}).") from exc
        except (OSError, EOFError) as exc:
            raise RegistryFileError(f"the file cannot be read: {exc}.") from exc
        if not data:
            self._eof = True
            return False
        self._line += self._buf.count("\n", 0, self._pos)
        self._buf = self._buf[self._pos :] + data
        self._pos = 0
        if len(self._buf) > MAX_VALUE:
            raise self.error("a value is longer than the reader allows")
        return True

    def error(self, message, at=None) -> RegistryFileError:
        at = self._pos if at is None else at
        line = self._line + self._buf.count("\n", 0, at)
        return RegistryFileError(f"{message} (line {line}).")

    def peek(self) -> str:
        while True:
            self._pos = _SPACE.match(self._buf, self._pos).end()
            if self._pos < len(self._buf):
                return self._buf[self._pos]
            if not self._more():
                return ""

    def take(self, char: str):
        found = self.peek()
        if found != char:
            found = repr(found) if found else "the end of the file"
            raise self.error(f"not valid JSON: expected {char!r}, found {found}")
        self._pos += 1

    def value(self):
        if not self.peek():
            raise self.error("not valid JSON: the file ends too soon")
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buf, self._pos)
            except (json.JSONDecodeError, ValueError) as exc:
                if self._more():
                    continue  # the value may only have been cut by the buffer
                message = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
                at = exc.pos if isinstance(exc, json.JSONDecodeError) else None
                raise self.error(f"not valid JSON: {message}", at) from exc
            if end == len(self._buf) and self._more():
                continue  # a number may go on in the next chunk
            self._pos = end
            return value

    def key(self) -> str:
        if self.peek() != '"':
            raise self.error("not valid JSON: expected a key in double quotes")
        key = self.value()
        self.take(":")
        return key

    def items(self, close: str):
        """Yield once per member of the object or array just opened, until ``close``."""
        if self.peek() == close:
            self._pos += 1
            return
        while True:
            yield
            if self.peek() == ",":
                self._pos += 1
                continue
            self.take(close)
            return

    def end(self):
        if self.peek():
            raise self.error("not valid JSON: more follows the end of the registry")


def _read(stream, handler):
    """Read the file, telling ``handler`` its header, each table and each row as they come."""
    reader = _Stream(stream)
    reader.take("{")
    header, seen_tables = {}, False
    for _ in reader.items("}"):
        key = reader.key()
        if key == "tables":
            if seen_tables:
                raise reader.error("the file has two lists of tables")
            handler.header(header)
            reader.take("[")
            for _ in reader.items("]"):
                _read_table(reader, handler)
            seen_tables = True
        else:
            header[key] = reader.value()
    reader.end()
    if not seen_tables:
        handler.header(header)
        raise RegistryFileError("the file has no tables.")


def _read_table(reader, handler):
    reader.take("{")
    meta, sink = {}, None
    for _ in reader.items("}"):
        key = reader.key()
        if key == "rows":
            if sink is not None:
                raise reader.error(f"table {meta.get('table')!r} has two lists of rows")
            if "table" not in meta or "columns" not in meta:
                raise reader.error("a table's name and columns must come before its rows")
            sink = handler.table(meta["table"], meta["columns"])
            reader.take("[")
            for _ in reader.items("]"):
                sink.row(reader.value())
        elif key in meta:
            raise reader.error(f"a table has two {key!r}")
        else:
            meta[key] = reader.value()
    if sink is None:
        raise reader.error(f"table {meta.get('table')!r} has no rows list")
    sink.end(meta)


class _Loader:
    """Checks what the reader finds and, given a connection, loads it."""

    def __init__(self, connection=None):
        self.connection = connection
        self.plan = {t.label: t for t in tables()}
        self.loaded: list[tuple[str, int]] = []

    def header(self, header):
        fmt, version = header.get("format"), header.get("version")
        if fmt != FORMAT:
            raise RegistryFileError(
                f"this is not an ICS governance registry export: its format is {fmt!r}, not "
                f"{FORMAT!r} (and 'format' must come before 'tables')."
            )
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise RegistryFileError(f"the file's version {version!r} is not a version number.")
        if version > VERSION:
            raise RegistryFileError(
                f"the file is format version {version}, newer than this registry reads "
                f"(version {VERSION}): import it with the release that exported it, or a later "
                "one."
            )
        if self.connection is not None:
            self._check_migrations(header.get("migrations"))

    def _check_migrations(self, theirs):
        if not isinstance(theirs, dict):
            raise RegistryFileError("the file does not say which migrations its database had.")
        ours = _migrations(self.connection, _apps_of(self.plan.values()) | set(theirs))
        differences = []
        for app in sorted(ours):
            file_has, we_have = set(theirs.get(app, [])), set(ours[app])
            differences += [
                f"{app} {name} (only in the file)" for name in sorted(file_has - we_have)
            ]
            differences += [f"{app} {name} (only here)" for name in sorted(we_have - file_has)]
        if differences:
            shown = ", ".join(differences[:5]) + (", ..." if len(differences) > 5 else "")
            raise RegistryFileError(
                "the file was exported from a database at other migrations than this one's: "
                f"{shown}. Migrate this database to the file's migrations (python manage.py "
                "migrate APP MIGRATION), import, then migrate forward."
            )

    def table(self, label, columns):
        if not isinstance(label, str) or label not in self.plan:
            raise RegistryFileError(f"the file has an unknown table {label!r}.")
        if label in {name for name, _ in self.loaded}:
            raise RegistryFileError(f"the file has table {label} twice.")
        table = self.plan[label]
        if columns != table.file_columns:
            raise RegistryFileError(f"table {label}: {_column_difference(columns, table)}.")
        if self.connection is not None:
            table.prepare(self.connection)
        return _TableLoad(self, table)

    def finish(self):
        missing = [label for label in self.plan if label not in dict(self.loaded)]
        if missing:
            raise RegistryFileError(
                f"the file has no table {', '.join(missing)}: it is not a whole registry."
            )
        if self.connection is None:
            return
        with self.connection.cursor() as cursor:
            try:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            except DatabaseError as exc:
                raise RegistryFileError(f"the file's rows break a constraint: {exc}") from exc
            qn = self.connection.ops.quote_name
            for label, count in self.loaded:
                cursor.execute(f"SELECT count(*) FROM {qn(self.plan[label].db_table)}")
                held = cursor.fetchone()[0]
                if held != count:
                    raise RegistryFileError(
                        f"table {label} holds {held} rows after the load, not the file's {count} "
                        "(did a trigger write to it?)."
                    )
            models = list(dict.fromkeys(t.model for t in self.plan.values()))
            for statement in self.connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)


def _column_difference(columns, table) -> str:
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        return "its columns are not a list of names"
    ours = table.file_columns
    differences = [f"no column {c}" for c in ours if c not in columns]
    differences += [f"a column {c} this registry does not have" for c in columns if c not in ours]
    if not differences:
        differences = ["its columns in another order than this registry's"]
    return "the file has " + ", ".join(differences)


class _TableLoad:
    def __init__(self, loader, table):
        self.loader, self.table = loader, table
        self.digest = _Digest(table.file_columns)
        self.batch = []
        self.width = len(table.file_columns)

    def row(self, values):
        if not isinstance(values, list) or len(values) != self.width:
            found = len(values) if isinstance(values, list) else type(values).__name__
            raise RegistryFileError(
                f"table {self.table.label}, row {self.digest.count + 1}: expected a list of "
                f"{self.width} values, found {found}."
            )
        self.digest.add(_line(values))
        if self.loader.connection is not None:
            self.batch.append(self.table.from_file(values))
            if len(self.batch) >= BATCH:
                self.flush()

    def flush(self):
        if not self.batch:
            return
        connection = self.loader.connection
        try:
            with connection.cursor() as cursor:
                cursor.execute(self.table.insert_sql(connection), [json.dumps(self.batch)])
        except DatabaseError as exc:
            raise RegistryFileError(
                f"table {self.table.label}: the database refused its rows: {exc}"
            ) from exc
        self.batch = []

    def end(self, meta):
        self.flush()
        label, count = self.table.label, self.digest.count
        if meta.get("count") != count:
            raise RegistryFileError(
                f"table {label}: the file says {meta.get('count')!r} rows but holds {count}."
            )
        if meta.get("checksum") != self.digest.value():
            raise RegistryFileError(
                f"table {label}: the checksum does not match its rows (the file says "
                f"{meta.get('checksum')!r}, the rows give {self.digest.value()!r}): the file "
                "was changed or damaged."
            )
        self.loader.loaded.append((label, count))


# -- Import ---------------------------------------------------------------------------------


def non_empty_tables(using: str = DEFAULT_DB_ALIAS) -> list[tuple[str, int]]:
    """(table, rows) of each of the file's tables that holds rows in the database."""
    connection = connections[using]
    qn = connection.ops.quote_name
    full = []
    with connection.cursor() as cursor:
        for table in tables():
            cursor.execute(f"SELECT count(*) FROM {qn(table.db_table)}")
            count = cursor.fetchone()[0]
            if count:
                full.append((table.label, count))
    return full


def import_registry(stream, using: str = DEFAULT_DB_ALIAS) -> list[tuple[str, int]]:
    """Load the file from the text stream ``stream`` into the empty database ``using``, in one
    transaction: all of it, or (raising RegistryFileError) nothing. (table, rows) of each."""
    full = non_empty_tables(using)
    if full:
        listed = ", ".join(f"{label} ({n} row{'s' if n != 1 else ''})" for label, n in full[:8])
        raise RegistryFileError(
            f"the database is not empty: {listed}{', ...' if len(full) > 8 else ''}. The import "
            "loads into an empty database only: create a new database, run migrate and "
            "createcachetable on it, and import into that."
        )
    loader = _Loader(connections[using])
    # One transaction; the history triggers off inside it (the events are the file's, the load
    # must not record new ones); and a savepoint inside that, so that after a database error the
    # transaction can still be used to end the ignoring before it is rolled back.
    with (
        transaction.atomic(using=using),
        pgtrigger.ignore(databases=[using]),
        transaction.atomic(using=using),
    ):
        with connections[using].cursor() as cursor:
            # Links are checked once everything is in (loader.finish), whatever the order.
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        _read(stream, loader)
        loader.finish()
    return loader.loaded


def check_file(stream) -> list[tuple[str, int]]:
    """Read the file through and check it (format, version, tables, columns, counts and
    checksums) without touching a database. (table, rows) of each."""
    loader = _Loader()
    _read(stream, loader)
    loader.finish()
    return loader.loaded
