# The registry as one image: gunicorn serving the application with its collected static files,
# exactly as `make run` does (icsgov/deploy/gunicorn.conf.py), with DJANGO_ENV=production.
#
#   docker build -t icsgov-registry .
#   docker run --rm --env-file registry.env icsgov-registry python manage.py migrate --no-input
#   docker run --rm --env-file registry.env icsgov-registry python manage.py createcachetable
#   docker run -d -p 8000:8000 --env-file registry.env icsgov-registry
#
# registry.env holds DATABASE_URL, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and the rest of the
# variables in docs/deploy.md. The image never starts the embedded database: DATABASE_URL is
# required and names the managed PostgreSQL.

# --- The NHS.UK frontend's built files, exactly as package-lock.json pins them ---------------
FROM node:20-slim AS frontend
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# --- The application -------------------------------------------------------------------------
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# The package and its pinned dependencies first, so a code change reuses this layer. Editable,
# so that the settings find templates/ and node_modules/ beside the code, as in a checkout.
COPY pyproject.toml README.md ./
COPY icsgov/__init__.py icsgov/__init__.py
COPY places/__init__.py places/__init__.py
COPY partnerships/__init__.py partnerships/__init__.py
COPY strategy/__init__.py strategy/__init__.py
RUN pip install -e .

COPY --from=frontend /build/node_modules node_modules
COPY manage.py ./
COPY templates templates
COPY icsgov icsgov
COPY places places
COPY partnerships partnerships
COPY strategy strategy

# Compressed, hashed static files, made once here. Collecting reads the settings, which need a
# database URL but never connect: this one only keeps the embedded server from starting.
RUN DATABASE_URL=postgres://build@localhost/none DJANGO_STATIC_MANIFEST=true \
    python manage.py collectstatic --no-input --verbosity 0

RUN useradd --system --no-create-home --uid 10001 registry
USER registry

ENV DJANGO_ENV=production \
    DJANGO_STATIC_MANIFEST=true \
    HOST=0.0.0.0 \
    PORT=8000 \
    WEB_CONCURRENCY=2
EXPOSE 8000

# The same command as `make run`. Probes: GET /healthz (alive) and /readyz (ready for traffic),
# with a Host header in DJANGO_ALLOWED_HOSTS (docs/deploy.md).
CMD ["gunicorn", "--config", "icsgov/deploy/gunicorn.conf.py"]
