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
whether its statement was prepared before or not. If that round trip fails part-way the
statements the session holds are unknown: all of them are given back before the next read
prepares again. (So a statement that can no longer run — its table's columns changed by a
migration while the session lasted: "cached plan must not change result type" — fails one
read, and the next prepares it afresh.)
"""

import hashlib
import re
from collections import OrderedDict

from django.core.exceptions import EmptyResultSet
from django.db import connections

#: Statements kept prepared on each session.
KEPT = 16

_PLACEHOLDER = re.compile(r"%(s|%)")


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


def rows(queryset) -> list:
    """The rows of ``queryset`` (a ``values_list`` whose columns need no conversion from what
    the driver gives), from its query prepared on the session. A query whose columns need
    converting is read as usual."""
    using = queryset.db
    connection = connections[using]
    compiler = queryset.query.get_compiler(using)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return []
    if compiler.get_converters([column for column, _, _ in compiler.select]):
        return list(queryset)
    connection.ensure_connection()
    session = _session(connection)
    name = "icsgov_" + hashlib.blake2b(sql.encode(), digest_size=10).hexdigest()
    statements = []
    if session.unknown:
        statements.append("DEALLOCATE ALL")
        session.names.clear()
    prepared = name in session.names
    if prepared:
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
        except Exception:
            session.unknown = True
            raise
    session.unknown = False
    session.names[name] = True
    return found
