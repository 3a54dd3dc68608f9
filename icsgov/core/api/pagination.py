from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination


class StrictLimitOffsetPagination(LimitOffsetPagination):
    """Limit/offset with a hard maximum. DRF quietly ignores a limit it cannot read; a client
    that asked for ``limit=ten`` should hear about it, so a malformed value is a 400."""

    default_limit = 50
    max_limit = 200
    #: No list is this long; an offset past it would overflow Postgres's bigint ``OFFSET``
    #: in the paginations that choose a page's keys before counting (``KeysFirstPagination``).
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
