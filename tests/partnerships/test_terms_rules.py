"""Terms of reference: the version in force on a date, and one ratified version in force at a
time (the database refuses two; a draft may overlap)."""

import datetime

import pytest

from partnerships.models import TermsOfReference
from tests import factories
from tests.helpers.constraints import refused

D = datetime.date


@pytest.mark.django_db
class TestAsAt:
    """'As at' answers come from the dates: in on the start day and the end day, out after."""

    def test_terms_in_force_on_boundaries(self):
        board = factories.BoardFactory()
        v1 = factories.TermsOfReferenceFactory(
            board=board, version="1", in_force_from=D(2022, 7, 1), in_force_to=D(2022, 10, 31)
        )
        v2 = factories.TermsOfReferenceFactory(
            board=board, version="2", in_force_from=D(2022, 11, 1)
        )
        assert board.terms_in_force_on(D(2022, 6, 30)) is None
        assert board.terms_in_force_on(D(2022, 7, 1)) == v1
        assert board.terms_in_force_on(D(2022, 10, 31)) == v1
        assert board.terms_in_force_on(D(2022, 11, 1)) == v2


@pytest.mark.django_db
class TestDatabaseConstraints:
    def test_two_ratified_terms_in_force_at_once_are_refused(self):
        board = factories.BoardFactory()
        factories.TermsOfReferenceFactory(board=board, version="1", in_force_from=D(2022, 7, 1))
        later = factories.TermsOfReferenceFactory(
            board=board, version="2", status="draft", in_force_from=D(2023, 1, 1)
        )
        refused(
            lambda: TermsOfReference.objects.filter(pk=later.pk).update(status="ratified"),
            "partnerships_terms_one_in_force",
        )

    def test_a_draft_may_overlap_the_version_in_force(self):
        board = factories.BoardFactory()
        factories.TermsOfReferenceFactory(board=board, version="1", in_force_from=D(2022, 7, 1))
        factories.TermsOfReferenceFactory(
            board=board, version="2", status="draft", in_force_from=D(2023, 1, 1)
        )
