from django.db.models import Count, Window
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

    def paginate_rows(self, rows, request, view=None, *, count_apart=False):
        """``paginate_queryset`` for ``rows``, a ``values_list`` query, in one query where DRF
        makes two: the page's rows each carry the count of the whole list as their last value
        (``count(*) OVER ()``, counted before the limit), as the benchmark's floors do
        (docs/performance.md). Past the end of the list no row carries it, and it is counted
        on its own; a ``DISTINCT`` list (whose window would count the rows before they are made
        distinct) is paginated as DRF does. ``count_apart``: two queries, as DRF makes them,
        for a list whose page an index gives from the top without reading the rest, which the
        window would have to build whole (the changes feed's keys)."""
        if rows.query.distinct or rows.query.combinator or count_apart:
            # DRF's own (a subclass's paginate_queryset may call this one).
            page = super().paginate_queryset(rows, request, view)
            return [(*row, self.count) for row in page]
        self.request = request
        self.limit = self.get_limit(request)
        self.offset = self.get_offset(request)
        page = list(
            rows.annotate(_list_count=Window(Count("*")))[self.offset : self.offset + self.limit]
        )
        self.count = page[0][-1] if page else (self.get_count(rows) if self.offset else 0)
        if self.count > self.limit and self.template is not None:
            self.display_page_controls = True
        return page
