"""Settings for the ICS governance registry.

Everything that differs between machines comes from environment variables (12-factor); the
defaults are safe for development on a laptop and documented in README.md.
"""

from pathlib import Path

import environ

from icsgov.database import database_url

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env.str(
    "DJANGO_SECRET_KEY",
    # Development only: DJANGO_DEBUG=false without a real key refuses to start (see below).
    default="dev-only-insecure-key-change-me-in-production-0123456789",
)
if not DEBUG and SECRET_KEY.startswith("dev-only-"):
    raise environ.ImproperlyConfigured("Set DJANGO_SECRET_KEY when DJANGO_DEBUG is false.")

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

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
    # The framework layer first: bases and engines the apps build on (icsgov/core).
    "icsgov.core",
    "icsgov",
    "places",
    "partnerships",
    "strategy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Right after security: serves the NHS.UK frontend assets without touching the rest.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before CommonMiddleware, so its redirects carry CORS headers too.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
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

DATABASES = {"default": environ.Env.db_url_config(database_url(BASE_DIR))}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DATABASES["default"]["TEST"] = {"NAME": env.str("ICSGOV_TEST_DATABASE", default="test_icsgov")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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
STATIC_ROOT = BASE_DIR / "staticfiles"
# The NHS.UK frontend's built CSS, JS and images, from the pinned npm package (never committed).
NHSUK_FRONTEND_DIST = BASE_DIR / "node_modules" / "nhsuk-frontend" / "dist" / "nhsuk"
STATICFILES_DIRS = [("nhsuk", NHSUK_FRONTEND_DIST)] if NHSUK_FRONTEND_DIST.is_dir() else []
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed but not hashed: pages work without collectstatic's manifest (tests, dev).
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
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

# django-import-export: imports run in one transaction and save nothing when any row fails.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

REST_FRAMEWORK = {
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # Anonymous clients read published data only; staff (by token or their admin session) see
    # their systems' unpublished records too, and secretariat staff write within their systems
    # (docs/api.md). Token first, so an anonymous write is a 401 asking for a token.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["icsgov.core.api.permissions.RegistryWritePermission"],
    "DEFAULT_PAGINATION_CLASS": "icsgov.core.api.pagination.StrictLimitOffsetPagination",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
        "icsgov.core.api.renderers.CSVRenderer",
    ],
    "DEFAULT_SCHEMA_CLASS": "icsgov.core.api.schema.RegistrySchema",
    "EXCEPTION_HANDLER": "icsgov.core.api.exceptions.exception_handler",
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
    },
}

# A record not confirmed by the secretariat for this many days past its source's date is shown
# as "not confirmed since" on the public pages.
ICSGOV_STALE_AFTER_DAYS = env.int("ICSGOV_STALE_AFTER_DAYS", default=365)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
}
