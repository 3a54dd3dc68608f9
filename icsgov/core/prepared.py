"""A read run as a prepared statement of its database session, planned once.

psycopg2 sends every query as text, so Postgres plans it afresh each time. For most reads that
is a millisecond or two; for the changes feed's page of keys (icsgov/api/changes.py), whose
condition has a rule for each of 37 kinds of record (about 80 subplans), planning is 15–35 ms
of a page that then runs in 2–9 (docs/performance.md, item 34). :func:`rows` prepares the
query once on the session (``PREPARE``) and runs it by name afterwards (``EXECUTE``). Postgres
plans the first five executions of a prepared statement for their values, as it plans any
query; from the sixth it uses the generic plan (made once, without the values) if that costs
no more than the plans it made (``plan_cache_mode = auto``, the default), so the choice of
plan stays Postgres's. Callers use it for a read of one shape asked again and again with other
values (the feed's own list, paged by cursor).

Each session's statements are kept here, by the driver's connection they were prepared on
(a new connection has none), the least recently used of :data:`KEPT` given back
(``DEALLOCATE``). The preparing and the running are one round trip, so a read is one query
whether its statement was prepared before or not. Inside a transaction (a request's,
ATOMIC_REQUESTS) the round trip begins with a savepoint, released after it: one query more.

A session's statements can change behind its back: ``DEALLOCATE ALL`` or ``DISCARD ALL`` by
something else on the connection, or a migration while the session lasted that changed a
table's columns ("cached plan must not change result type"). A read that finds its statement
gone, already there, or no longer able to run gives back every statement the session holds
and runs once more, preparing afresh (in a transaction, after rolling back to its savepoint):
the reader sees nothing. Any other failure part-way (a timeout, a broken connection) leaves
the session's statements unknown: all of them are given back before its next read.

Each prepared statement keeps its plan in the server process that serves the session: 3–4 MB
for the feed's (its condition, about 80 subplans), hence only :data:`KEPT` of them. A pooler
that hands a server connection to another client after each transaction (PgBouncer's
``pool_mode = transaction``) would share sessions between clients: set
``DATABASE_PREPARED_STATEMENTS=false`` there, and every read is planned afresh
(docs/deploy.md).
"""

import hashlib
import re
from collections import OrderedDict

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import DatabaseError, connections
from django.db.models.query import FlatValuesListIterable, ValuesListIterable

#: Statements kept prepared on each session (each holds its plan in the server process).
KEPT = 6

_PLACEHOLDER = re.compile(r"%(s|%)")
_SAVEPOINT = "icsgov_prepared"


class _Session:
    def __init__(self, driver_connection):
        self.driver_connection = driver_connection
        self.names = OrderedDict()
        self.unknown = False


def _session(connection):
    session = getattr(connection, "_icsgov_prepared", None)
    if session is None or session.driver_connection is not connection.connection:
        session = connection._icsgov_prepared = _Session(connection.connection)
    return session


def _drifted(error) -> bool:
    """Whether ``error`` says the session's statements are not what it was told: one is gone
    (26000), one of the name is there already (42P05), or one can no longer run (0A000,
    "cached plan must not change result type")."""
    cause = error.__cause__
    code = getattr(cause, "pgcode", None)
    return code in ("26000", "42P05") or (
        code == "0A000" and "cached plan must not change result type" in str(cause)
    )


def rows(queryset) -> list:
    """The rows of ``queryset`` (a ``values_list``, flat or not, whose columns need no
    conversion from what the driver gives), from its query prepared on the session. A query
    whose columns need converting, or any query when ``settings.PREPARED_STATEMENTS`` is off,
    is read as usual."""
    flat = queryset._iterable_class is FlatValuesListIterable
    if not flat and queryset._iterable_class is not ValuesListIterable:
        raise TypeError("prepared.rows() reads a values_list() queryset (tuples, or flat).")
    using = queryset.db
    compiler = queryset.query.get_compiler(using)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return []
    if not settings.PREPARED_STATEMENTS or compiler.get_converters(
        [column for column, _, _ in compiler.select]
    ):
        return list(queryset)
    connection = connections[using]
    connection.ensure_connection()
    try:
        found = _run(connection, sql, params)
    except DatabaseError as error:
        if not _drifted(error):
            raise
        found = _run(connection, sql, params)
    return [row[0] for row in found] if flat else found


def _run(connection, sql, params) -> list:
    session = _session(connection)
    name = "icsgov_" + hashlib.blake2b(sql.encode(), digest_size=10).hexdigest()
    guarded = connection.in_atomic_block
    # The savepoint is in the same round trip as the read, not transaction.atomic()'s own
    # query before it: one round trip fewer. Its release cannot join them (the batch's rows
    # are the last statement's), so it follows the read.
    statements = [f"SAVEPOINT {_SAVEPOINT}"] if guarded else []
    if session.unknown:
        statements.append("DEALLOCATE ALL")
        session.names.clear()
    if name in session.names:
        session.names.move_to_end(name)
    else:
        if len(session.names) >= KEPT:
            oldest, _ = session.names.popitem(last=False)
            statements.append(f"DEALLOCATE {oldest}")
        numbers = iter(range(1, len(params) + 1))
        body = _PLACEHOLDER.sub(
            lambda match: f"${next(numbers)}" if match.group(1) == "s" else "%%", sql
        )
        statements.append(f"PREPARE {name} AS {body}")
    arguments = f" ({', '.join(['%s'] * len(params))})" if params else ""
    statements.append(f"EXECUTE {name}{arguments}")
    with connection.cursor() as cursor:
        try:
            cursor.execute("; ".join(statements), params)
            found = cursor.fetchall()
        except BaseException as error:
            # Whatever ran of the round trip, the session's statements are now unknown.
            session.unknown = True
            # (Not is_usable(): its SELECT 1 fails in the aborted transaction.)
            if guarded and isinstance(error, DatabaseError) and not connection.connection.closed:
                cursor.execute(
                    f"ROLLBACK TO SAVEPOINT {_SAVEPOINT}; RELEASE SAVEPOINT {_SAVEPOINT}"
                )
            raise
        if guarded:
            cursor.execute(f"RELEASE SAVEPOINT {_SAVEPOINT}")
    session.unknown = False
    session.names[name] = True
    return found
