"""Bodies over time: a proposed body is in effect on no date, a dissolved one needs its end
date; and the database refuses a second body with the same slug."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests import factories
from tests.helpers.constraints import refused

D = datetime.date


@pytest.mark.django_db
class TestBodiesAsAt:
    def test_a_proposed_body_without_a_start_is_in_effect_on_no_date(self):
        from partnerships.models import Board

        proposed = factories.BoardFactory(status="proposed", start_date=None)
        active = factories.BoardFactory(start_date=None)
        in_effect = Board.objects.as_at(D(2024, 1, 1))
        assert proposed not in in_effect and active in in_effect

    def test_a_dissolved_body_needs_its_end_date(self):
        board = factories.BoardFactory.build(status="dissolved", system=factories.SystemFactory())
        with pytest.raises(ValidationError) as error:
            board.full_clean()
        assert "end_date" in error.value.message_dict


@pytest.mark.django_db
class TestDatabaseConstraints:
    def test_duplicate_slug_is_refused(self):
        factories.BoardFactory(slug="southampton-board")
        refused(lambda: factories.BoardFactory(slug="southampton-board"), "partnerships_board_slug")


@pytest.mark.django_db
def test_a_body_of_an_ended_system_is_neither_ended_nor_continued():
    D = datetime.date
    system = factories.SystemFactory(name="Frimley", end_date=D(2026, 3, 31), end_kind="split")
    body = factories.BoardFactory(system=system, start_date=D(2022, 7, 1))
    assert body.after_system_ended(D(2026, 3, 31)) == ""
    assert body.after_system_ended(D(2026, 12, 1)) == (
        "Frimley ended on 31 March 2026. What became of this body after that is not recorded."
    )
    body.end_date = D(2025, 1, 31)
    assert body.after_system_ended(D(2026, 12, 1)) == ""  # its own end is recorded
    assert factories.BoardFactory().after_system_ended(D(2026, 12, 1)) == ""
