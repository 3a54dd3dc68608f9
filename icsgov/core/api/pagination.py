from django.db.models import Count, Subquery, Value, Window
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination


class StrictLimitOffsetPagination(LimitOffsetPagination):
    """Limit/offset with a hard maximum. DRF quietly ignores a limit it cannot read; a client
    that asked for ``limit=ten`` should hear about it, so a malformed value is a 400."""

    default_limit = 50
    max_limit = 200
    #: No list is this long; an offset past it would overflow Postgres's bigint ``OFFSET`` in
    #: :meth:`paginate_rows`, which reads the page before it knows the count.
    max_offset = 10**18

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

    def get_offset(self, request):
        return self._read(request, self.offset_query_param, 0, self.max_offset) or 0

    def paginate_rows(self, rows, request, view=None, *, count_apart=False, counted=None):
        """``paginate_queryset`` for ``rows``, a ``values_list`` query, in one query where DRF
        makes two: the page's rows each carry the count of the whole list as their last value.

        - With ``counted`` (the list's queryset before the page's columns were chosen: its
          filters, without the joins the columns bring), the count is a scalar subquery of it,
          which Postgres answers once, apart from the page: the page keeps its ``LIMIT``, so a
          list ordered by an index (an unfiltered list of 40,000 appointments by body name,
          seat and start) reads only the rows it shows, and the count reads the list's own
          table with what its filters join (and the forward links its visibility marks
          join, which add no rows).
        - Without it, ``count(*) OVER ()``, counted before the limit, for a list that has to be
          built whole anyway (the changes feed's union of every event table, whose rows the
          viewer may see are chosen once for both the page and the count).
        - Past the end of the list no row carries the count, and it is counted on its own.
        - A ``DISTINCT`` list (whose window would count the rows before they are made
          distinct) is paginated as DRF does; so is ``count_apart``: two queries, as DRF
          makes them, for a list whose page an index gives from the top without reading the
          rest (the changes feed's keys).
        """
        if rows.query.distinct or rows.query.combinator or count_apart:
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
