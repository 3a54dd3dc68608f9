"""The real seed data, loaded once per module that asks for it (``seeded``): the seed tests and
the seed-page crawls only read it, and loading it takes seconds."""

import io

import pytest
from django.core.management import call_command


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The seed data, committed before the module's first test and flushed after its last;
    each test still runs in its own transaction, so what a test writes is rolled back."""
    with django_db_blocker.unblock():
        call_command("load_seed", stdout=io.StringIO())
    yield
    with django_db_blocker.unblock():
        call_command("flush", "--no-input", verbosity=0)
