"""How the registry is served: gunicorn's configuration, logs, static files (docs/deploy.md)."""
