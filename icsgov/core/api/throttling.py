"""The API's rate limits, counted in PostgreSQL in one statement per request.

DRF's throttles keep each client's recent requests as a list in Django's cache; in the database
cache that is five queries a request (a read, a count to cull, a savepoint, a read and a write)
and a row lock held to the end of the request, so one client's concurrent requests wait for one
another. Here the same sliding window — the times of the client's allowed requests in the last
period, the oldest deciding when the next is allowed — lives in an UNLOGGED table
(``icsgov_throttle``: not written to the WAL; emptied if the server crashes, which only forgets
recent counts), shared by every application server as before, and each request is one
statement: forget the client's requests older than the period (rows another request is
forgetting at the same moment are skipped, never waited for), count the rest, and note this one
if it is allowed. Inserts never wait on one another. Same rates, same 429 with ``Retry-After``.
"""

from django.db import connections, router
from rest_framework import throttling

TABLE = "icsgov_throttle"

INSTALL_SQL = f"""
CREATE UNLOGGED TABLE IF NOT EXISTS {TABLE} (
    id bigserial PRIMARY KEY,
    key text NOT NULL,
    at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS {TABLE}_key_at ON {TABLE} (key, at);
CREATE INDEX IF NOT EXISTS {TABLE}_at ON {TABLE} (at);
"""
UNINSTALL_SQL = f"DROP TABLE IF EXISTS {TABLE};"

# The client's requests older than the period, and a few of anyone's older than a day (no rate
# is counted over more), are forgotten; the others are counted; this one is noted if allowed.
COUNT_SQL = f"""
WITH forgotten AS (
    DELETE FROM {TABLE} WHERE id IN (
        SELECT id FROM {TABLE} WHERE key = %(key)s AND at <= now() - %(period)s::interval
        FOR UPDATE SKIP LOCKED
    )
), stale AS (
    DELETE FROM {TABLE} WHERE id IN (
        SELECT id FROM {TABLE} WHERE at <= now() - interval '1 day' LIMIT 50
        FOR UPDATE SKIP LOCKED
    )
), recent AS (
    SELECT count(*) AS hits, min(at) AS oldest FROM {TABLE}
    WHERE key = %(key)s AND at > now() - %(period)s::interval
), noted AS (
    INSERT INTO {TABLE} (key, at) SELECT %(key)s, now() FROM recent WHERE hits < %(limit)s
)
SELECT hits, extract(epoch FROM oldest + %(period)s::interval - now()) FROM recent
"""


class DatabaseCountedThrottle:
    """A DRF ``SimpleRateThrottle`` whose history is counted in PostgreSQL (see the module)."""

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        connection = connections[router.db_for_write(None)]
        with connection.cursor() as cursor:
            cursor.execute(
                COUNT_SQL,
                {"key": self.key, "period": f"{self.duration} seconds", "limit": self.num_requests},
            )
            hits, remaining = cursor.fetchone()
        self.remaining = float(remaining) if remaining is not None else float(self.duration)
        return hits < self.num_requests

    def wait(self):
        return max(self.remaining, 0.0)


class AnonRateThrottle(DatabaseCountedThrottle, throttling.AnonRateThrottle):
    """Anonymous clients, by address (``NUM_PROXIES`` hops back)."""


class UserRateThrottle(DatabaseCountedThrottle, throttling.UserRateThrottle):
    """Signed-in clients (token or session), by user. An anonymous client is counted by the
    anonymous rate alone (DRF would count it twice, by address, under both rates), so every
    request is one statement."""

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return super().get_cache_key(request, view)
