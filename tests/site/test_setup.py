"""The project is wired correctly: checks pass and migrations match the models."""

import io

import pytest
from django.core.management import call_command
from django.db import connection


def test_system_checks_pass():
    call_command("check", fail_level="WARNING")


@pytest.mark.django_db
def test_migrations_match_models():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


@pytest.mark.django_db
def test_database_is_postgres_with_the_extensions_it_needs():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension")
        extensions = {row[0] for row in cursor.fetchall()}
    assert {"btree_gist", "pg_trgm", "unaccent"} <= extensions


def test_every_model_field_has_help_text():
    from django.apps import apps

    missing = [
        f"{model._meta.label}.{field.name}"
        for app in ("places", "partnerships", "strategy")
        for model in apps.get_app_config(app).get_models()
        if not model._meta.label.endswith("Event")
        for field in model._meta.get_fields()
        if field.concrete and not field.auto_created and not field.help_text
    ]
    assert missing == []


def test_data_model_diagram_is_up_to_date():
    from icsgov.management.commands.data_model_diagram import DOC, diagram

    assert diagram() in DOC.read_text(), "run: python manage.py data_model_diagram --write"
