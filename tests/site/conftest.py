"""The real seed data, loaded once per module that asks for it (``seeded``): the seed tests and
the seed-page crawls only read it, and loading it takes seconds."""

import io

import pytest
from django.core.management import call_command

from tests.helpers.shared_data import committed


def load_seed():
    call_command("load_seed", stdout=io.StringIO())


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The seed data, committed before the module's first test and flushed after its last."""
    yield from committed(django_db_blocker, load_seed)
