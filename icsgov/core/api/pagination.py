import base64
import datetime
import json

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count, F, Subquery, Value, Window
from django.db.models.fields.tuple_lookups import TupleGreaterThan, TupleLessThan
from django.utils import timezone
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination, LimitOffsetPagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param


class StrictLimit:
    """A page's ``limit`` with a hard maximum. DRF quietly ignores a limit it cannot read; a
    client that asked for ``limit=ten`` should hear about it, so a malformed value is a 400."""

    limit_query_param = "limit"
    default_limit = 50
    max_limit = 200

    def _read(self, request, name, minimum, maximum=None):
        raw = request.query_params.get(name)
        if raw is None or raw == "":
            return None
        try:
            value = int(raw)
        except ValueError:
            raise ValidationError({name: [f"'{raw}' is not a whole number."]}) from None
        if value < minimum:
            raise ValidationError({name: [f"Must be {minimum} or more."]})
        if maximum is not None and value > maximum:
            raise ValidationError({name: [f"Must be {maximum} or less."]})
        return value

    def get_limit(self, request):
        limit = self._read(request, self.limit_query_param, 1)
        return self.default_limit if limit is None else min(limit, self.max_limit)


class StrictLimitOffsetPagination(StrictLimit, LimitOffsetPagination):
    """Limit/offset with a hard maximum (:class:`StrictLimit`); a malformed offset is a 400
    too."""

    #: No list is this long; an offset past it would overflow Postgres's bigint ``OFFSET`` in
    #: :meth:`paginate_rows`, which reads the page before it knows the count.
    max_offset = 10**18

    def get_offset(self, request):
        return self._read(request, self.offset_query_param, 0, self.max_offset) or 0

    def paginate_rows(self, rows, request, view=None, *, counted=None):
        """``paginate_queryset`` for ``rows``, a ``values_list`` query, in one query where DRF
        makes two: the page's rows each carry the count of the whole list as their last value.

        - With ``counted`` (the list's queryset before the page's columns were chosen: its
          filters, without the joins the columns bring), the count is a scalar subquery of it,
          which Postgres answers once, apart from the page: the page keeps its ``LIMIT``, so a
          list ordered by an index (an unfiltered list of 40,000 appointments by body name,
          seat and start) reads only the rows it shows, and the count reads the list's own
          table with what its filters join (and the forward links its visibility marks
          join, which add no rows).
        - Without it (or when ``counted`` groups its rows), ``count(*) OVER ()``, counted
          before the limit.
        - Past the end of the list no row carries the count, and it is counted on its own.
        - A ``DISTINCT`` list (whose window would count the rows before they are made
          distinct) is paginated as DRF does.

        (The changes feed, too long to count, pages by cursor: :class:`KeysetPagination`.)
        """
        if rows.query.distinct or rows.query.combinator:
            # DRF's own (a subclass's paginate_queryset may call this one).
            page = super().paginate_queryset(rows, request, view)
            return [(*row, self.count) for row in page]
        self.request = request
        self.limit = self.get_limit(request)
        self.offset = self.get_offset(request)
        page = list(
            rows.annotate(_list_count=_count_of(counted))[self.offset : self.offset + self.limit]
        )
        self.count = page[0][-1] if page else (self.get_count(rows) if self.offset else 0)
        if self.count > self.limit and self.template is not None:
            self.display_page_controls = True
        return page


def _usable(value):
    """A cursor's value as Postgres can compare it with the list's, or ``ValueError``: a time
    with its zone, in UTC (Postgres refuses offsets Python allows, beyond 15:59); text
    without NUL (which no Postgres text holds) or lone surrogates (which UTF-8 cannot
    encode)."""
    if value is None:
        raise ValueError
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            raise ValueError
        return value.astimezone(datetime.UTC)
    if isinstance(value, str):
        value.encode()
        if "\x00" in value:
            raise ValueError
    return value


def _count_of(counted):
    """The expression counting the list in its page's query: a scalar subquery of ``counted``
    (``SELECT count(*) FROM ... WHERE <its filters>``), or the window over the page's own rows
    when there is no ``counted`` or it groups its rows (an aggregate annotation), which one
    ``count(*)`` over its filters would not count as its rows."""
    if counted is None or counted.query.distinct or _groups(counted.query):
        return Window(Count("*"))
    return Subquery(counted.order_by().values(_one=Value(1)).annotate(_n=Count("*")).values("_n"))


def _groups(query):
    return query.group_by is not None or any(
        getattr(annotation, "contains_aggregate", False)
        for annotation in query.annotations.values()
    )


class KeysetPagination(StrictLimit, BasePagination):
    """Pages that follow one another by where the last one ended, not by counting rows: for a
    list that grows at the top while it is read and is too long to count for each request (the
    changes feed: every change to the registry, about 376,000 at national scale).

    The list must be ordered by :attr:`keys`, all in one direction, the last unique (the
    changes feed: time, then the event's key, which breaks the ties of one transaction's
    changes). A page is the first ``limit`` rows after (or, going back, before) the position
    its ``cursor`` gives, found by one row comparison — ``(time, key) < (t, k)`` — that
    Postgres answers from the order's index, so a page deep in the list costs what the first
    one does, and a change made while a client pages through does not shift or repeat a row
    on its next page, as an offset would. There is no count: counting what a viewer may see
    of such a list is reading all of it. The answer is ``{"next", "previous", "results"}``;
    ``next`` is null on the last page, ``previous`` on the first. A cursor names the order it
    was given in; with the list asked for in the other order it is refused (400), not read as
    a place it is not.

    ``paginate_queryset`` takes the list as a ``values_list`` whose first values are
    :attr:`keys` and returns the page's rows."""

    keys: tuple = ()
    cursor_query_param = "cursor"
    #: Parameters of other pagination styles that this one would otherwise ignore.
    refused_query_params = ("offset", "page")

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        for name in self.refused_query_params:
            if name in request.query_params:
                raise ValidationError(
                    {name: ["This list is paged by cursor: follow the answer's next link."]}
                )
        self.limit = self.get_limit(request)
        self._model = queryset.model
        ordering = list(queryset.query.order_by)
        descending = bool(ordering) and str(ordering[0]).startswith("-")
        directions = {str(o).startswith("-") for o in ordering}
        if [str(o).lstrip("-") for o in ordering] != list(self.keys) or len(directions) != 1:
            raise TypeError(f"{type(self).__name__} needs a list ordered by {self.keys}.")
        self._order = "desc" if descending else "asc"
        back, position = self._decode(request.query_params.get(self.cursor_query_param))
        rows = queryset
        if position is not None:
            # Forward in a newest-first list is towards smaller keys; back, towards greater.
            lookup = TupleGreaterThan if descending == back else TupleLessThan
            rows = rows.filter(lookup(tuple(F(key) for key in self.keys), position))
        if back:
            rows = rows.reverse()
        page = self.fetch(rows[: self.limit + 1])
        more = len(page) > self.limit
        page = page[: self.limit]
        if back:
            page.reverse()
        first = page[0][: len(self.keys)] if page else position
        last = page[-1][: len(self.keys)] if page else position
        if back:
            self._next = self._link(False, last) if last is not None else None
            self._previous = self._link(True, first) if more else None
        else:
            self._next = self._link(False, last) if more else None
            self._previous = self._link(True, first) if position is not None else None
        return page

    def fetch(self, rows) -> list:
        """The page's rows, one more than the limit (whether there is a next page)."""
        return list(rows)

    def _decode(self, raw):
        """(going back, position) from a cursor, or (False, None) without one."""
        if raw is None:
            return False, None
        try:
            data = json.loads(base64.urlsafe_b64decode(raw.encode() + b"=" * (-len(raw) % 4)))
            back = data["back"]
            values = data["at"]
            if not isinstance(back, bool) or not isinstance(values, list):
                raise ValueError
            if data.get("order", self._order) != self._order:
                # A cursor of the list in the other order: its position is a place in that
                # list, and followed in this one it would skip or repeat rows. (A cursor
                # without one, as given before 4 December 2026, is read in the order asked.)
                raise ValueError
            if len(values) != len(self.keys):
                raise ValueError
            position = tuple(
                _usable(self._field(key).to_python(value))
                for key, value in zip(self.keys, values, strict=True)
            )
        except (
            ValueError,  # also not base64, not JSON, not UTF-8
            TypeError,
            KeyError,
            OverflowError,
            RecursionError,  # JSON nested deeper than Python goes
            DjangoValidationError,
        ):
            raise ValidationError(
                {
                    self.cursor_query_param: [
                        "Not a cursor of this list: follow a next or previous link as it was given."
                    ]
                }
            ) from None
        return back, position

    def _field(self, key):
        return self._model._meta.get_field(key)

    def _link(self, back, position):
        values = [v.isoformat() if hasattr(v, "isoformat") else v for v in position]
        raw = json.dumps(
            {"back": back, "order": self._order, "at": values}, separators=(",", ":")
        ).encode()
        cursor = base64.urlsafe_b64encode(raw).decode().rstrip("=")
        return replace_query_param(
            self.request.build_absolute_uri(), self.cursor_query_param, cursor
        )

    def get_paginated_response(self, data):
        # The links in a ``Link`` header too (RFC 8288), for answers that hold only the rows
        # (``?format=csv``).
        links = [
            f'<{url}>; rel="{rel}"'
            for url, rel in ((self._next, "next"), (self._previous, "prev"))
            if url
        ]
        headers = {"Link": ", ".join(links)} if links else None
        return Response(
            {"next": self._next, "previous": self._previous, "results": data}, headers=headers
        )

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "nullable": True, "format": "uri"}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.limit_query_param,
                "required": False,
                "in": "query",
                "description": f"Rows a page (at most {self.max_limit}; {self.default_limit} "
                "if not given).",
                "schema": {"type": "integer"},
            },
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Where the page starts: the value in a next or previous link.",
                "schema": {"type": "string"},
            },
        ]
