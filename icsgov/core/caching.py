"""Anonymous reads served from a cache that any change to the registry invalidates at once.

**The change mark.** PostgreSQL keeps one number, ``icsgov_changes_counter.n``, that moves on
at the commit of every transaction that wrote to any table of the registry, whatever wrote it:
the admin, the API, an import, a command, the seed loader, raw SQL. A statement-level trigger on
every table (:data:`WATCH_SQL`, installed by ``icsgov/migrations/0005_read_cache_changes.py``
and, for tables made by later migrations, after every ``migrate`` by :func:`watch_tables`)
notes the first write of a transaction in ``icsgov_changes_pending``; a deferred constraint
trigger on that table sets the counter from a sequence when the transaction commits (and
removes the note). So:

- the new number becomes visible in the same instant as the data it marks (one commit), and a
  request reads the mark *before* its data, so what it stores under a mark is never older than
  the mark;
- the number comes from a sequence, which never goes back, so a rolled-back transaction (or a
  test's) can never make an old mark current again;
- the counter's row is locked only at commit, for an instant, so writers never deadlock on it
  (an early lock, held while a writer waits for a seat's lock, could);
- a request whose own transaction has written (its note is visible to it alone) is never
  served from nor stored in the cache.

:func:`change_mark` reads both in one query. A page or API answer is stored under a key made of
the mark, today's date (answers "as at today" change at midnight), the full absolute address
(scheme, host, path and every query parameter: the answers carry absolute links) and, for the
API, the negotiated media type (``format=`` or ``Accept``); any write changes the mark, so the
next request misses and is answered afresh.

**Only anonymous reads are cached** (no signed-in user, no ``Authorization`` header): a
signed-in user is never served anyone's stored answer, and always sees their own change at once.
Nothing private can enter an entry: it holds only what was answered to an anonymous client.

**Where.** ``settings.READ_CACHE`` names a Django cache (``CACHES["reads"]``: by default a
per-process local-memory cache). A local cache is correct here because invalidation does not
depend on deleting entries: a new mark makes every old key unreachable (they expire, or are culled
when the cache is full). It costs no query and no network on a hit; each worker warms its own.
``ICSGOV_READ_CACHE=false`` turns it off (the benchmark's uncached runs).
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db import connections, router
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import set_response_etag

COUNTER = "icsgov_changes_counter"
PENDING = "icsgov_changes_pending"
SEQUENCE = "icsgov_changes_seq"
TRIGGER = "icsgov_changes_watch"

#: Tables whose writes do not change any answer, or are made by reads themselves: sessions,
#: caches, login lockouts, the migrations list, pghistory's request context, and this module's.
IGNORED_PREFIXES = (
    "django_session",
    "django_cache",
    "django_migrations",
    "axes_",
    "pghistory_context",
    "icsgov_changes_",
    "icsgov_throttle",
    # The changes feed's keys: written only with an event, whose own table is watched.
    "icsgov_change_key",
)

INSTALL_SQL = f"""
CREATE SEQUENCE IF NOT EXISTS {SEQUENCE};
CREATE TABLE IF NOT EXISTS {COUNTER} (id smallint PRIMARY KEY CHECK (id = 1), n bigint NOT NULL);
INSERT INTO {COUNTER} (id, n) VALUES (1, nextval('{SEQUENCE}')) ON CONFLICT (id) DO NOTHING;
CREATE TABLE IF NOT EXISTS {PENDING} (
    xact xid8 PRIMARY KEY DEFAULT pg_current_xact_id()
);

-- On every watched table, after each statement: note the transaction's first write.
CREATE OR REPLACE FUNCTION icsgov_changes_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO {PENDING} DEFAULT VALUES ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

-- At commit (deferred), once per writing transaction: move the counter on.
CREATE OR REPLACE FUNCTION icsgov_changes_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO {COUNTER} (id, n) VALUES (1, nextval('{SEQUENCE}'))
        ON CONFLICT (id) DO UPDATE SET n = excluded.n;
    DELETE FROM {PENDING} WHERE xact = NEW.xact;
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS icsgov_changes_bump ON {PENDING};
CREATE CONSTRAINT TRIGGER icsgov_changes_bump AFTER INSERT ON {PENDING}
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION icsgov_changes_bump();
"""

UNINSTALL_SQL = f"""
DROP TABLE IF EXISTS {PENDING};
DROP TABLE IF EXISTS {COUNTER};
DROP SEQUENCE IF EXISTS {SEQUENCE};
DROP FUNCTION IF EXISTS icsgov_changes_bump() CASCADE;
DROP FUNCTION IF EXISTS icsgov_changes_note() CASCADE;
"""

WATCH_SQL = (
    'CREATE OR REPLACE TRIGGER {trigger} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
    "FOR EACH STATEMENT EXECUTE FUNCTION icsgov_changes_note()"
)


def watched(table):
    return not table.startswith(IGNORED_PREFIXES)


def watch_tables(connection):
    """Put the trigger on every table of the database not in :data:`IGNORED_PREFIXES` (again on
    those that have it: ``CREATE OR REPLACE``). Does nothing before the install migration ran."""
    tables = connection.introspection.table_names()
    if COUNTER not in tables:
        return
    with connection.cursor() as cursor:
        for table in tables:
            if watched(table):
                cursor.execute(WATCH_SQL.format(trigger=TRIGGER, table=table))


def on_post_migrate(using="default", **kwargs):
    watch_tables(connections[using])


def enabled():
    return settings.READ_CACHE_ENABLED


def store():
    return caches[settings.READ_CACHE]


def change_mark():
    """The registry's change mark, in one query; None when this request's own transaction has
    written (it must neither read nor store) or the counter is missing."""
    connection = connections[router.db_for_read(None)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT n FROM {COUNTER} WHERE id = 1), EXISTS (SELECT 1 FROM {PENDING})"
        )
        mark, own_writes = cursor.fetchone()
    return None if own_writes else mark


def anonymous(request):
    """No signed-in user and no credentials sent (a token is checked only by the API's views)."""
    if "authorization" in request.headers:
        return False
    user = getattr(request, "user", None)
    return user is not None and not user.is_authenticated


def key_for(request, *variant):
    """The cache key of this request's answer now, or None when it may not be cached."""
    if not enabled() or request.method != "GET" or not anonymous(request):
        return None
    mark = change_mark()
    if mark is None:
        return None
    parts = "\n".join(
        [str(mark), timezone.localdate().isoformat(), request.build_absolute_uri(), *variant]
    )
    return "read:" + hashlib.sha256(parts.encode()).hexdigest()


#: Response headers that may vary between anonymous requests and so are never stored or that
#: say the answer must not be shared.
UNSHAREABLE_VARY = {"cookie", "accept", "accept-encoding", "origin"}
#: The largest answer kept (so a worker holds at most MAX_ENTRIES of these: settings.CACHES).
MAX_BYTES = 1_000_000
NONCE_MARK = "\x00csp-nonce\x00"


def storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if len(response.content) > MAX_BYTES:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if "private" in cache_control or "no-store" in cache_control:
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= UNSHAREABLE_VARY


def put(key, request, response):
    """Store ``response`` (rendered, with an ETag) under ``key`` if it may be shared. A
    Content-Security-Policy nonce written into the page is stored as a mark and replaced by the
    serving response's own nonce."""
    if not storable(request, response):
        return
    if not response.has_header("ETag"):
        set_response_etag(response)
    content = response.content
    nonce = getattr(request, "_csp_nonce", None)
    if nonce and nonce.encode() in content:
        content = content.replace(nonce.encode(), NONCE_MARK.encode())
    headers = [(k, v) for k, v in response.items() if k.lower() != "content-length"]
    store().set(key, (content, headers))


def get(key, request):
    """The stored answer under ``key`` as a new response, or None."""
    entry = store().get(key)
    if entry is None:
        return None
    content, headers = entry
    if NONCE_MARK.encode() in content:
        content = content.replace(NONCE_MARK.encode(), str(request.csp_nonce).encode())
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    response["X-Read-Cache"] = "hit"
    return response


PAGE_SKIP_PREFIXES = ("/api/", "/static/", "/healthz", "/readyz")


class AnonymousPageCacheMiddleware:
    """Public pages for anonymous visitors from the read cache (see the module). After
    authentication (it must know the visitor); the API caches in its views instead
    (``icsgov.core.api.views.CachedReadMixin``), after its throttle and content negotiation."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path.startswith(PAGE_SKIP_PREFIXES) or path.startswith("/" + settings.ADMIN_PATH):
            return self.get_response(request)
        if "messages" in request.COOKIES or settings.SESSION_COOKIE_NAME in request.COOKIES:
            # A visitor with a session may have a flash message waiting for them alone.
            return self.get_response(request)
        key = key_for(request)
        if key is None:
            return self.get_response(request)
        cached = get(key, request)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and anonymous(request):
            put(key, request, response)
        return response
