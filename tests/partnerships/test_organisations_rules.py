"""Organisations' official codes: the code on a date, one organisation per code at a time, and
a lapsed code may be reissued (the database's constraint)."""

import datetime

import pytest

from tests import factories
from tests.helpers.constraints import refused

D = datetime.date


@pytest.mark.django_db
class TestAsAt:
    """'As at' answers come from the dates: in on the start day and the end day, out after."""

    def test_official_code_as_at(self):
        identifier = factories.OrganisationIdentifierFactory(
            code="QRL", valid_from=D(2022, 7, 1), valid_to=D(2026, 3, 31)
        )
        factories.OrganisationIdentifierFactory(
            organisation=identifier.organisation, code="QXX", valid_from=D(2026, 4, 1)
        )
        organisation = identifier.organisation
        assert organisation.code_on(D(2026, 3, 31)) == "QRL"
        assert organisation.code_on(D(2026, 4, 1)) == "QXX"
        assert organisation.code_on(D(2022, 6, 30)) is None


@pytest.mark.django_db
class TestDatabaseConstraints:
    def test_same_official_code_for_two_organisations_at_once_is_refused(self):
        factories.OrganisationIdentifierFactory(scheme="ods", code="QRL")
        refused(
            lambda: factories.OrganisationIdentifierFactory(scheme="ods", code="QRL"),
            "partnerships_identifier_code_unique_in_time",
        )

    def test_a_code_may_be_reissued_after_it_lapsed(self):
        factories.OrganisationIdentifierFactory(
            code="QRL", valid_from=D(2022, 7, 1), valid_to=D(2026, 3, 31)
        )
        factories.OrganisationIdentifierFactory(code="QRL", valid_from=D(2026, 4, 1))
