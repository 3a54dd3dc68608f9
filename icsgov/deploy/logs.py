"""Structured logs: one JSON object per line on stderr, whoever writes it.

Django's loggers, gunicorn's and ours all go through structlog's ``ProcessorFormatter``, so a
finished request (django-structlog's ``request_finished``, with its status code), a warning from
Django and a gunicorn worker's notice have the same shape, and every line written while a request
is handled carries its ``request_id``. ``DJANGO_LOG_FORMAT=console`` gives readable lines instead,
for ``make dev``.
"""

import structlog

#: Applied to every record, structlog's and the standard library's.
SHARED_PROCESSORS = [
    structlog.contextvars.merge_contextvars,  # request_id, ip (bound per request)
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
    structlog.stdlib.ExtraAdder(),
    structlog.processors.StackInfoRenderer(),
]


def configure_structlog():
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *SHARED_PROCESSORS,
            structlog.stdlib.PositionalArgumentsFormatter(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


def logging_config(level="INFO", log_format="json"):
    """A ``logging.config.dictConfig`` for Django's LOGGING and gunicorn's logconfig_dict."""
    if log_format == "console":
        renderer = structlog.dev.ConsoleRenderer()
    else:
        renderer = structlog.processors.JSONRenderer()
    handler = {"class": "logging.StreamHandler", "formatter": "structured"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "structured": {
                "()": structlog.stdlib.ProcessorFormatter,
                "foreign_pre_chain": SHARED_PROCESSORS,
                "processors": [
                    structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    structlog.processors.format_exc_info,
                    renderer,
                ],
            }
        },
        "handlers": {"structured": handler},
        "root": {"handlers": ["structured"], "level": level},
        "loggers": {
            # gunicorn's own loggers write through the same handler, once. Its access lines would
            # repeat django-structlog's request_finished, which has the request id.
            "gunicorn.error": {"handlers": ["structured"], "level": "INFO", "propagate": False},
            "gunicorn.access": {"handlers": ["structured"], "level": "WARNING", "propagate": False},
            # Django answers HEAD with a body, which gunicorn drops as it should, warning each time.
            "gunicorn.http.wsgi": {"level": "ERROR"},
            # runserver's per-request lines repeat django-structlog's request_finished.
            "django.server": {"level": "WARNING"},
            # django-axes announces itself at every start; its lockouts are warnings.
            "axes.apps": {"level": "WARNING"},
        },
    }
