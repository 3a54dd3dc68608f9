"""Data built once for a whole module whose tests only read it.

pytest-django wraps every test in a transaction that is rolled back; data made outside any test
(with ``django_db_blocker`` unblocked) is committed, so every test of the module sees it, and
whatever a test writes on top is still rolled back. The module's last test is followed by a
flush, so the next module starts from an empty database again.
"""

from django.core.management import call_command


def committed(django_db_blocker, build):
    """For a module-scoped fixture: ``yield from committed(django_db_blocker, build)``."""
    with django_db_blocker.unblock():
        built = build()
    yield built
    with django_db_blocker.unblock():
        call_command("flush", "--no-input", verbosity=0)
