"""How the registry answers about itself, and when its database is away.

``/healthz`` says the process is up and touches nothing else: a load balancer or orchestrator
restarts the process when it fails. ``/readyz`` says whether this process can serve: every
database reachable, no migration unapplied (as during an upgrade, before ``migrate`` has run) and
the shared cache's table there; a load balancer sends no traffic while it answers 503.

When the database fails in the middle of a request, the 500 handler answers 503 instead: the
public pages' "service unavailable" page (templates/jinja2/503.html, which needs no database) or,
under ``/api/``, the API's JSON error. The connection timeout (``DATABASE_CONNECT_TIMEOUT``) keeps
that answer quick, and the next request after the database returns is served as usual.
"""

import sys

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from icsgov import views

#: Seconds a client is asked to wait before trying again (a restart or failover's length).
RETRY_AFTER = 30
UNAVAILABLE = "The registry's database is unavailable. Try again in a minute."


@never_cache
@transaction.non_atomic_requests
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@transaction.non_atomic_requests
def readyz(request):
    checks = {alias: _database_check(alias) for alias in connections}
    if checks["default"] == "ok":
        checks["migrations"] = _migrations_check()
        checks["cache"] = _cache_check()
    ready = all(result == "ok" for result in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks},
        status=200 if ready else 503,
    )


def _database_check(alias):
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        return f"unreachable: {_first_line(error)}"
    return "ok"


def _migrations_check():
    executor = MigrationExecutor(connections["default"])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _ in plan[:5])
        return f"{len(plan)} unapplied: {names}"
    return "ok"


def _cache_check():
    try:
        cache.get("readyz")
    except Exception as error:  # any backend's fault: a missing table, an unreachable server
        return f"unavailable: {_first_line(error)}"
    return "ok"


def _first_line(error):
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def server_error(request):
    """The 500 handler: a database fault is a 503 (try again later), anything else the 500."""
    error = sys.exc_info()[1]
    if not isinstance(error, OperationalError | InterfaceError):
        return views.server_error(request)
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": UNAVAILABLE}, status=503)
    else:
        response = render(request, "503.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return response
