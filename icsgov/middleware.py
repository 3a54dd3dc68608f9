"""Small middleware of the project's own: the request's log line and its id."""

import time

import structlog


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
