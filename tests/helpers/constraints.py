"""Writes that bypass the models, refused by the database itself."""

import pytest
from django.db import IntegrityError, transaction


def refused(callable_, constraint):
    """``callable_`` is refused by Postgres, and by the named constraint."""
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        callable_()
