"""Gunicorn's settings, the same for ``make run`` and the Dockerfile.

Workers come from ``WEB_CONCURRENCY`` (default 2) and the address from ``HOST`` and ``PORT``
(default 127.0.0.1:8000). Each worker imports the settings itself (no preloading), so each joins
the embedded database, or connects to ``DATABASE_URL``, on its own. There is no access log:
django-structlog writes one ``request_finished`` line per request, with its status, duration and
request id, in the same JSON logs as everything else (icsgov/deploy/logs.py).
"""

import os

from icsgov.deploy.logs import logging_config
from icsgov.deploy.memory import freeze_loaded

wsgi_app = "icsgov.wsgi:application"
bind = [f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"]
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# A request that takes longer than this is a fault; its worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Past a load balancer's idle keep-alive; lower would drop connections it still reuses.
keepalive = 75
# Replacing each worker now and then bounds what any slow leak can grow to.
max_requests = 2000
max_requests_jitter = 200
accesslog = None
errorlog = "-"
# No gunicornc control socket: nothing uses it, and two servers on one machine would share it.
control_socket_disable = True
logconfig_dict = logging_config(
    level=os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
    log_format=os.environ.get("DJANGO_LOG_FORMAT", "json"),
)


def post_worker_init(worker):
    """The registry is loaded: what it made is kept out of the garbage collector's full
    collections for the worker's life (icsgov/deploy/memory.py)."""
    frozen = freeze_loaded()
    worker.log.info("Worker loaded: %d objects kept out of the garbage collector", frozen)


# Which proxies may say a request came over HTTPS (X-Forwarded-Proto): gunicorn reads
# FORWARDED_ALLOW_IPS itself; by default only 127.0.0.1 and ::1.
