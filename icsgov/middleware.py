"""Small middleware of the project's own: the request's log line and id, which database reads."""

import time
from urllib.parse import unquote

import structlog
from django.conf import settings
from django.db import DatabaseError

from icsgov.db_router import reading_from_replica, replica_configured
from icsgov.views.errors import bad_request, too_large


class RequestLogMiddleware:
    """Adds how long the request took (``duration_ms``) to django-structlog's ``request_finished``
    line, and sends the request's id, which is on every line logged for it, back as
    ``X-Request-ID``, so a person reporting a fault can quote it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        duration_ms = round((time.monotonic() - started) * 1000)
        structlog.contextvars.bind_contextvars(duration_ms=duration_ms)
        request_id = structlog.contextvars.get_contextvars().get("request_id")
        if request_id:
            response.headers.setdefault("X-Request-ID", request_id)
        return response


class ReplicaReadMiddleware:
    """Anonymous GET and HEAD requests read from the replica (icsgov/db_router.py).

    Anonymous means no ``Authorization`` header (API tokens are checked later, in the view) and
    no signed-in user. A database fault while finding the user counts as not anonymous: the view
    then meets the fault itself and answers 503.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (replica_configured() and self._anonymous_read(request)):
            return self.get_response(request)
        token = reading_from_replica.set(True)
        try:
            return self.get_response(request)
        finally:
            reading_from_replica.reset(token)

    @staticmethod
    def _anonymous_read(request):
        if request.method not in ("GET", "HEAD") or "authorization" in request.headers:
            return False
        try:
            return not request.user.is_authenticated
        except DatabaseError:
            return False


class UnreadableRequestMiddleware:
    """A request the registry cannot read is refused before any view sees it, with a response
    that says why: an address holding a NUL byte or other control character (no database or
    template can use such a value) is a 400, and a body larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE``
    (file uploads aside, which Django counts without their files) is a 413."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        try:
            decoded = unquote(query, errors="strict")
        except UnicodeDecodeError:
            decoded = "\x00"
        if any(ord(c) < 32 for c in request.path + query + decoded):
            return bad_request(request)
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and not request.content_type.startswith("multipart/"):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                return bad_request(request)
            if length > limit:
                return too_large(request, limit)
        return self.get_response(request)
