"""A query compiled once, its SQL kept and bound to new values afterwards.

Django builds and compiles a queryset afresh each time it runs: for a query of many expressions
(a search's full-text vector, rank, trigram similarities and headline) that is 2–3 ms of
Python, more than Postgres takes to answer it. When a read of one shape is asked again and
again with other values, :func:`template` compiles it once and keeps its SQL; each read then
binds its values into the kept parameters (:meth:`Template.bind`) and runs the SQL as it is —
the same text and the same parameters Django would have made (SQLAlchemy's compiled cache does
the same for its own statements).

Whether a value can be bound so is checked, not assumed: the queryset is compiled twice, with
two different stand-ins for each value, and kept only when both compile to the same SQL text
and the stand-ins are found, whole and unchanged, at the same places in the parameters
(a value written into the SQL text, or changed on its way into a parameter — a LIKE pattern
``%value%``, a value that changes the query's shape — and the query is not kept: None, and the
caller reads through the ORM as before). Everything else the query holds is the caller's to
put in the key it keeps the template under: whatever made the queryset besides the bound
values must give the same SQL and parameters each time the key does (``fingerprint`` gives
an exact key for a queryset: its SQL and parameters).
"""

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet, FullResultSet


@dataclass(frozen=True)
class Template:
    """A compiled query: its SQL, its parameters, and which of them take which value."""

    sql: str
    params: tuple
    slots: tuple  # ((index in params, value's name), ...)

    def bind(self, **values) -> tuple[str, tuple]:
        """``(sql, params)`` with ``values`` in their places."""
        params = list(self.params)
        for index, name in self.slots:
            params[index] = values[name]
        return self.sql, tuple(params)


def _stand_in(name, which):
    # NUL never reaches the database (Postgres text cannot hold it): only the compiler sees it.
    return f"\x00icsgov:{name}:{which}\x00"


def template(make, *names) -> Template | None:
    """The query ``make(**values)`` (a queryset) compiled once, with each of ``names`` bound at
    each run; None when a value does not enter the query only as a whole parameter."""
    first = {name: _stand_in(name, "a") for name in names}
    second = {name: _stand_in(name, "b") for name in names}
    try:
        sql, params = make(**first).query.sql_with_params()
        other_sql, other_params = make(**second).query.sql_with_params()
    except (EmptyResultSet, FullResultSet):
        return None  # no SQL to keep (a query that can match nothing is not run at all)
    if sql != other_sql or len(params) != len(other_params) or "\x00" in sql:
        return None
    slots = []
    for index, (a, b) in enumerate(zip(params, other_params, strict=True)):
        if a == b and not (isinstance(a, str) and "\x00" in a):
            continue
        name = next((n for n in names if a == first[n] and b == second[n]), None)
        if name is None:
            return None  # a value changed on its way in, or part of a longer parameter
        slots.append((index, name))
    if {name for _, name in slots} != set(names):
        return None  # a value that never reached a parameter (written in, or dropped)
    return Template(sql, tuple(params), tuple(slots))


def fingerprint(queryset) -> tuple[str, str] | None:
    """An exact key for ``queryset``: its SQL and its parameters (as their ``repr``, so lists
    and dates key as well as text); None when it has no SQL (it can match nothing)."""
    try:
        sql, params = queryset.query.sql_with_params()
    except (EmptyResultSet, FullResultSet):
        return None
    return sql, repr(params)
