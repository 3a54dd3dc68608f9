"""Settings for the ICS governance registry.

Everything that differs between machines comes from environment variables (12-factor), all listed
in README.md and docs/deploy.md. ``DJANGO_ENV`` picks one of two sets of defaults:

- ``local`` (the default, and what ``make run`` and the tests use): plain http on a laptop, a
  development secret key, loopback host names. DEBUG is off unless ``DJANGO_DEBUG=true``, which
  only ``make dev`` sets.
- ``production``: refuses to start without ``DJANGO_SECRET_KEY``, ``DJANGO_ALLOWED_HOSTS`` and
  ``DATABASE_URL`` (never the embedded database), refuses DEBUG, and turns on HTTPS-only
  cookies, HSTS and the redirect to HTTPS, so that ``manage.py check --deploy --fail-level
  WARNING`` passes.

Everything else (the Content Security Policy, security headers, logs, throttling, the cache)
is the same in both, so what ``make run`` shows is what production does.
"""

import logging
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from icsgov.database import database_url
from icsgov.deploy.logs import configure_structlog, logging_config

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DJANGO_ENV = env.str("DJANGO_ENV", default="local")
if DJANGO_ENV not in ("local", "production"):
    raise ImproperlyConfigured(f"DJANGO_ENV is {DJANGO_ENV!r}: set it to local or production.")
PRODUCTION = DJANGO_ENV == "production"


def required(variable):
    """The value of an environment variable production cannot do without."""
    value = env.str(variable, default="").strip()
    if not value:
        raise ImproperlyConfigured(f"Set {variable}: it is required when DJANGO_ENV=production.")
    return value


DEBUG = env.bool("DJANGO_DEBUG", default=False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG must not be true when DJANGO_ENV=production.")

# Benchmarks and load runs only: show synthetic systems generated with ``--publish`` to anonymous
# readers (icsgov/synthetic.py, places.visibility.public_system). Never on a registry people use.
SHOW_SYNTHETIC = env.bool("ICSGOV_SHOW_SYNTHETIC", default=False)
if PRODUCTION and SHOW_SYNTHETIC:
    raise ImproperlyConfigured("ICSGOV_SHOW_SYNTHETIC must not be true when DJANGO_ENV=production.")

DEV_SECRET_KEY = "dev-only-insecure-key-change-me-in-production-0123456789"
if PRODUCTION:
    SECRET_KEY = required("DJANGO_SECRET_KEY")
    if SECRET_KEY == DEV_SECRET_KEY:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a real secret, not the dev key.")
    ALLOWED_HOSTS = [host.strip() for host in required("DJANGO_ALLOWED_HOSTS").split(",")]
else:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default=DEV_SECRET_KEY)
    ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

#: Where the secretariat's admin lives; another path keeps it off the usual scanners' list.
ADMIN_PATH = env.str("DJANGO_ADMIN_PATH", default="admin/").strip("/") + "/"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "pgtrigger",
    "pghistory",
    "pghistory.admin",
    "rules",
    "icsgov.apps.SignInAttemptsConfig",  # axes
    "import_export",
    "csp",
    "django_structlog",
    # The framework layer first: bases and engines the apps build on (icsgov/core).
    "icsgov.core",
    "icsgov",
    "places",
    "partnerships",
    "strategy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Right after security: serves the static files without touching the rest.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A request id on every log line of the request, sent back in the X-Request-ID header, and
    # one line per request with its status and duration.
    "django_structlog.middlewares.RequestMiddleware",
    "icsgov.middleware.RequestLogMiddleware",
    # The Content-Security-Policy header, with a fresh nonce per response for inline scripts.
    "csp.middleware.CSPMiddleware",
    # An address holding a NUL or control character is a 400 before any view sees it.
    "icsgov.middleware.UnreadableRequestMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before CommonMiddleware, so its redirects carry CORS headers too.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: anonymous reads go to the read replica, when there is one.
    "icsgov.middleware.ReplicaReadMiddleware",
    # After authentication (and the replica's choice): anonymous public pages from the read
    # cache, invalidated by any change to the registry (icsgov/core/caching.py).
    "icsgov.core.caching.AnonymousPageCacheMiddleware",
    # After authentication, so every change made in a request is recorded with its user.
    "pghistory.middleware.HistoryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into a 429 response.
    "axes.middleware.AxesMiddleware",
]

# Login throttling first (django-axes), then object-level rules for per-system roles
# (icsgov/rules.py), then ordinary username-and-password logins.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "icsgov.urls"
WSGI_APPLICATION = "icsgov.wsgi.application"
ASGI_APPLICATION = "icsgov.asgi.application"

TEMPLATES = [
    # Public pages: Jinja2 with the NHS.UK frontend component macros (nhsuk-frontend-jinja).
    # First, so the public 404 and 500 pages are found here; the admin's templates live only in
    # the Django engine below.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "icsgov.jinja2.environment"},
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


#: How many of a query's joins PostgreSQL orders together (its ``join_collapse_limit``; its
#: default is 8). The registry's reads join a record to each record it links to (a body to its
#: system, place, footprint, cluster, parent and source): Postgres searched every order of
#: those joins each time, 15–43 ms of planning for a page of bodies or milestones that then
#: ran in 1–10 ms; with 4 it plans them in 1–3 ms, and every read measured kept its plan's
#: speed (docs/performance.md, 28). Another value: DATABASE_JOIN_COLLAPSE_LIMIT; 0 gives no
#: setting when connecting (a connection pooler that refuses startup options, e.g. PgBouncer
#: by default: set it on the database then).
JOIN_COLLAPSE_LIMIT = env.str("DATABASE_JOIN_COLLAPSE_LIMIT", default="4").strip()
if not JOIN_COLLAPSE_LIMIT.isdigit() or int(JOIN_COLLAPSE_LIMIT) > 2**31 - 1:
    # PostgreSQL would refuse every connection with any other value.
    raise ImproperlyConfigured(
        f"DATABASE_JOIN_COLLAPSE_LIMIT must be a whole number, 1 or more, or 0 for none; "
        f"not {JOIN_COLLAPSE_LIMIT!r}."
    )
JOIN_COLLAPSE_LIMIT = int(JOIN_COLLAPSE_LIMIT)


def database(url, **extra):
    """A connection that gives up quickly when the server is away (pages then answer 503, see
    icsgov/health.py), is replaced when it has died (health check before reuse), and plans its
    joins with :data:`JOIN_COLLAPSE_LIMIT` (a server setting given when it connects)."""
    config = environ.Env.db_url_config(url)
    config["OPTIONS"] = {
        "connect_timeout": env.int("DATABASE_CONNECT_TIMEOUT", default=5),
        **config.get("OPTIONS", {}),
    }
    if JOIN_COLLAPSE_LIMIT:
        given = config["OPTIONS"].get("options", "")
        limit = f"-c join_collapse_limit={JOIN_COLLAPSE_LIMIT}"
        config["OPTIONS"]["options"] = f"{given} {limit}".strip()
    config["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    config["CONN_HEALTH_CHECKS"] = True
    return {**config, **extra}


DATABASES = {
    "default": database(
        # Production runs on a managed PostgreSQL, never the embedded one.
        required("DATABASE_URL") if PRODUCTION else database_url(BASE_DIR),
        ATOMIC_REQUESTS=True,
        TEST={"NAME": env.str("ICSGOV_TEST_DATABASE", default="test_icsgov")},
    )
}
if env.str("DATABASE_REPLICA_URL", default=""):
    # Read by anonymous GET and HEAD requests only (icsgov/db_router.py); tests use default.
    DATABASES["replica"] = database(env.str("DATABASE_REPLICA_URL"), TEST={"MIRROR": "default"})
DATABASE_ROUTERS = ["icsgov.db_router.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared by every application server. In the database by default (its table is made by
# `manage.py createcachetable`, which `make migrate` runs); CACHE_URL names another shared cache
# (e.g. redis://host:6379/0, which needs the redis package). The API's throttle counts are in
# their own UNLOGGED table (icsgov/core/api/throttling.py).
CACHES = {
    "default": env.cache_url("CACHE_URL", default="dbcache://django_cache"),
    # Anonymous pages and API answers (icsgov/core/caching.py). Per process by default: the
    # entries are keyed by the registry's change mark, so a change invalidates them in every
    # process at once without deleting anything; READ_CACHE_URL may name a shared cache.
    "reads": env.cache_url("READ_CACHE_URL", default="locmemcache://icsgov-reads"),
}
CACHES["reads"].setdefault("TIMEOUT", 600)
# At most 500 answers of at most 1 MB each per worker (icsgov.core.caching.MAX_BYTES).
CACHES["reads"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 500)
READ_CACHE = "reads"
# ICSGOV_READ_CACHE=false answers every anonymous read afresh (the benchmark's uncached runs).
READ_CACHE_ENABLED = env.bool("ICSGOV_READ_CACHE", default=True)
# The changes feed's reads run as statements prepared on the database session
# (icsgov.core.prepared); DATABASE_PREPARED_STATEMENTS=false plans every read afresh, for a
# pooler that shares a session between clients (PgBouncer's transaction pooling).
PREPARED_STATEMENTS = env.bool("DATABASE_PREPARED_STATEMENTS", default=True)
# Sessions are in the database (Django's default): any application server can serve any request.

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env.str("DJANGO_TIME_ZONE", default="Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
# The NHS.UK frontend's built CSS, JS and images, from the pinned npm package (never committed).
NHSUK_FRONTEND_DIST = BASE_DIR / "node_modules" / "nhsuk-frontend" / "dist" / "nhsuk"
STATICFILES_DIRS = [("nhsuk", NHSUK_FRONTEND_DIST)] if NHSUK_FRONTEND_DIST.is_dir() else []
# Served as collectstatic wrote them: compressed, with hashed names and a year's cache lifetime
# (icsgov/deploy/storage.py). That needs collectstatic first, which production and `make run`
# do; without DJANGO_STATIC_MANIFEST (the tests, make dev, a bare manage.py) names are unhashed.
STATIC_MANIFEST = env.bool("DJANGO_STATIC_MANIFEST", default=PRODUCTION)
# Uploaded files (meeting papers). Never served from MEDIA_URL: a paper's file is streamed by
# its page only while the paper is public (partnerships.views.meetings.paper_file), so a
# private or unpublished paper cannot be fetched by guessing its path.
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "icsgov.deploy.storage.StaticFilesStorage"
        if STATIC_MANIFEST
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}

# History: insert, update and delete of every tracked model, recorded by database triggers.
import pghistory  # noqa: E402  (after INSTALLED_APPS: the trackers are plain objects)

PGHISTORY_DEFAULT_TRACKERS = (
    pghistory.InsertEvent(),
    pghistory.UpdateEvent(),
    pghistory.DeleteEvent(),
)
# Shown as "Changes" under the registry, in the secretariat's words.
PGHISTORY_ADMIN_MODEL = "icsgov.Change"
# The changes list, limited to the systems the user holds a role on.
PGHISTORY_ADMIN_CLASS = "icsgov.admin.ScopedEventsAdmin"

# django-axes: after AXES_FAILURE_LIMIT failed logins for the same username from the same
# address, that pair is locked out for AXES_COOLOFF_TIME hours.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_TIME", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

# How many reverse proxies (load balancers) stand in front of the application servers: the client's
# address is then read from X-Forwarded-For, as many hops back, for login lockouts and API
# throttles. 0 (the default) uses the connection's own address.
NUM_PROXIES = env.int("DJANGO_NUM_PROXIES", default=0)
if NUM_PROXIES:
    AXES_IPWARE_PROXY_COUNT = NUM_PROXIES
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# django-import-export: imports run in one transaction and save nothing when any row fails.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

REST_FRAMEWORK = {
    "DEFAULT_FILTER_BACKENDS": ["icsgov.core.api.filtersets.GivenFiltersBackend"],
    # Anonymous clients read published data only; staff (by token or their admin session) see
    # their systems' unpublished records too, and secretariat staff write within their systems
    # (docs/api.md). Token first, so an anonymous write is a 401 asking for a token.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["icsgov.core.api.permissions.RegistryWritePermission"],
    "DEFAULT_PAGINATION_CLASS": "icsgov.core.api.pagination.StrictLimitOffsetPagination",
    # A body it cannot read (too deep, too large, not JSON) is a 400 or 413, never a 500.
    "DEFAULT_PARSER_CLASSES": [
        "icsgov.core.api.parsers.StrictJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        # DRF's JSONRenderer, encoded with orjson (the same bytes, faster: docs/performance.md).
        "icsgov.core.api.renderers.OrjsonRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
        "icsgov.core.api.renderers.CSVRenderer",
    ],
    "DEFAULT_SCHEMA_CLASS": "icsgov.core.api.schema.RegistrySchema",
    "EXCEPTION_HANDLER": "icsgov.core.api.exceptions.exception_handler",
    # Per client address for anonymous clients, per user for token and session users, counted in
    # the shared cache so every application server sees the same count. Over the rate: 429 with
    # Retry-After and the usual {"detail": ...}.
    "DEFAULT_THROTTLE_CLASSES": [
        # DRF's, counted in PostgreSQL in one statement (icsgov/core/api/throttling.py).
        "icsgov.core.api.throttling.AnonRateThrottle",
        "icsgov.core.api.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_ANON_RATE", default="120/min"),
        "user": env.str("API_USER_RATE", default="600/min"),
    },
    "NUM_PROXIES": NUM_PROXIES or None,
}

# Other sites' browsers may read the API (GET only, no cookies): it serves public data.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False

SPECTACULAR_SETTINGS = {
    "TITLE": "ICS governance registry API",
    "DESCRIPTION": "Who sits on what in England's Integrated Care Systems, as at any date. "
    "Anonymous clients read published records only; secretariat staff write within their "
    "systems with a token (Authorization: Token <key>). See docs/api.md.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The docs page works offline: Swagger UI is served from drf-spectacular-sidecar.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One named enum per vocabulary, so "kind" of a board and of a meeting do not collide.
    "ENUM_NAME_OVERRIDES": {
        "DatePrecisionEnum": "icsgov.core.dates.DatePrecision",
        "SourceKindEnum": "icsgov.core.models.SourceKind",
        "SectorEnum": "partnerships.choices.Sector",
        "OrganisationKindEnum": "partnerships.choices.OrganisationKind",
        "BoardKindEnum": "partnerships.choices.BoardKind",
        "BoardStatusEnum": "partnerships.choices.BoardStatus",
        "ChairModelEnum": "partnerships.choices.ChairModel",
        "RoleEnum": "partnerships.choices.Role",
        "MembershipKindEnum": "partnerships.choices.MembershipKind",
        "TermsStatusEnum": "partnerships.choices.TermsStatus",
        "MeetingKindEnum": "partnerships.choices.MeetingKind",
        "MeetingStatusEnum": "partnerships.choices.MeetingStatus",
        "StrategyKindEnum": "strategy.choices.StrategyKind",
        "StrategyStatusEnum": "strategy.choices.StrategyStatus",
        "PriorityStatusEnum": "strategy.choices.PriorityStatus",
        "MilestoneStatusEnum": "strategy.choices.MilestoneStatus",
        "ScopeEnum": "strategy.choices.Scope",
        "RecurrenceEnum": "strategy.choices.Recurrence",
        "AttendanceStatusEnum": "partnerships.choices.AttendanceStatus",
        "GiftKindEnum": "partnerships.choices.GiftKind",
        "DecisionOutcomeEnum": "partnerships.choices.DecisionOutcome",
        "GiftOutcomeEnum": "partnerships.choices.GiftOutcome",
    },
}

# A record not confirmed by the secretariat for this many days past its source's date is shown
# as "not confirmed since" on the public pages.
ICSGOV_STALE_AFTER_DAYS = env.int("ICSGOV_STALE_AFTER_DAYS", default=365)

# The secretariat's start page: terms of appointment ending within this many days, and changes
# made within this many days.
ICSGOV_TERMS_ENDING_DAYS = env.int("ICSGOV_TERMS_ENDING_DAYS", default=60)
# Overrides of the meetings checks' defaults (partnerships/checks_meetings.py DEFAULTS:
# LOOKBACK_DAYS 365, NOTICE_CLEAR_DAYS 3, AGENDA_CLEAR_DAYS 3, DRAFT_MINUTES_DAYS 28 and
# APPROVED_MINUTES_DAYS 28 — the minutes' days are the registry's own, no rule sets them;
# docs/compliance.md), e.g. {"NOTICE_CLEAR_DAYS": 5, "DRAFT_MINUTES_DAYS": 10}.
ICSGOV_MEETING_CHECKS: dict = {}
ICSGOV_RECENT_CHANGES_DAYS = env.int("ICSGOV_RECENT_CHANGES_DAYS", default=14)

# Conflicts of interest, gifts and hospitality: the thresholds the rules apply
# (partnerships/rules/interests.py), with the defaults of NHS England's "Managing conflicts of
# interest in the NHS" (guidance of February 2017, https://www.england.nhs.uk/2017/02/coi-guidelines/;
# the September 2024 revision, https://www.england.nhs.uk/long-read/managing-conflicts-of-interest-in-the-nhs/,
# is not confirmed to keep the figures: docs/compliance.md). Override any key locally.
ICSGOV_CONFLICTS_OF_INTEREST = {
    # Gifts from suppliers or contractors are declined whatever their value, except low-value
    # promotional items worth less than this (GBP).
    "SUPPLIER_GIFT_LIMIT": 6,
    # Other gifts worth less than this may be accepted and need not be declared; at or over it
    # they are accepted only on behalf of the organisation, and declared.
    "GIFT_DECLARE_FROM": 50,
    # Gifts from one source in a rolling year are added up against GIFT_DECLARE_FROM.
    "CUMULATIVE_DAYS": 365,
    # Hospitality worth this or more is declared; over HOSPITALITY_REFUSE_OVER it is refused
    # unless a senior person approves it.
    "HOSPITALITY_DECLARE_FROM": 25,
    "HOSPITALITY_REFUSE_OVER": 75,
    # A new interest is declared within this many days of arising, and a member declares within
    # this many days of taking up an appointment.
    "DECLARE_WITHIN_DAYS": 28,
    # Declarations are reviewed at least this often (days).
    "REVIEW_EVERY_DAYS": 365,
}

# Security headers, everywhere: no MIME sniffing, no referrer beyond our own pages, no framing.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy: only our own scripts, styles, images and fetches, plus the NHS.UK font
# files; inline scripts and styles only with the response's nonce (base.html, the API docs' and
# browsable API's templates). Frames: none, ours in no one's.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        # Style attributes, not elements: the timelines place their marks with left: and width:
        # (templates/jinja2/includes/timeline.html), and DRF's browsable API sets a few.
        "style-src-attr": ["'unsafe-inline'"],
        # Swagger UI draws its icons from data: URLs.
        "img-src": [SELF, "data:"],
        # NHS.UK frontend's CSS loads the Frutiger font from the NHS's own CDN.
        "font-src": [SELF, "https://assets.nhs.uk"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Behind a proxy that terminates TLS, the header it sets, e.g. HTTP_X_FORWARDED_PROTO,https.
if env.str("DJANGO_SECURE_PROXY_SSL_HEADER", default=""):
    SECURE_PROXY_SSL_HEADER = tuple(env.list("DJANGO_SECURE_PROXY_SSL_HEADER"))
    if len(SECURE_PROXY_SSL_HEADER) != 2:
        raise ImproperlyConfigured(
            "DJANGO_SECURE_PROXY_SSL_HEADER is a header and a value, e.g. "
            "HTTP_X_FORWARDED_PROTO,https"
        )
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    # Load balancers probe these over plain http.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=True)

# Logs: JSON lines on stderr with a request id (icsgov/deploy/logs.py). Requests are logged with
# no user id: finding it would cost a query per request, and fail while the database is down;
# the history records who changed what.
configure_structlog()
LOGGING = logging_config(
    level=env.str("DJANGO_LOG_LEVEL", default="INFO"),
    log_format=env.str("DJANGO_LOG_FORMAT", default="json"),
)
DJANGO_STRUCTLOG_USER_ID_FIELD = None
# One line per request, when it finishes; request_started only at DJANGO_LOG_LEVEL=DEBUG.
DJANGO_STRUCTLOG_STATUS_START_LOG_LEVEL = logging.DEBUG
# A load balancer's X-Request-ID, when it sends one, so its logs and ours share the id.
DJANGO_STRUCTLOG_TRUST_UPSTREAM_REQUEST_ID = True
