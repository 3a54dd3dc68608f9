"""Who chairs: one chair at a time unless the body's chair model allows more, also when a
seat or a body's chair model changes."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from partnerships.choices import ChairModel, Role
from tests import factories
from tests.helpers.appointments import appoint

D = datetime.date


@pytest.mark.django_db
class TestChairs:
    def test_one_chair_at_a_time_under_a_single_chair_model(self):
        board = factories.BoardFactory(name="Engine room", chair_model=ChairModel.ICB_CHAIR)
        chair = factories.PostFactory(board=board, role=Role.CHAIR, label="ICB Chair")
        co = factories.PostFactory(board=board, role=Role.CO_CHAIR, label="Council co-chair")
        appoint(chair, D(2022, 7, 1), person=factories.PersonFactory(name="Jo Chair"))
        with pytest.raises(ValidationError) as error:
            appoint(co, D(2022, 9, 1))
        assert "Jo Chair" in str(error.value) and "one chair at a time" in str(error.value)

    def test_co_chairs_allowed_when_the_chair_model_says_so(self):
        board = factories.BoardFactory(chair_model=ChairModel.CO_CHAIRS)
        first = factories.PostFactory(board=board, role=Role.CO_CHAIR)
        second = factories.PostFactory(board=board, role=Role.CO_CHAIR)
        appoint(first, D(2022, 7, 1))
        appoint(second, D(2022, 7, 1))


@pytest.mark.django_db
class TestRulesWhenSeatsAndBodiesChange:
    def test_two_chairs_in_one_chair_seat_are_refused_under_a_single_chair_model(self):
        board = factories.BoardFactory(chair_model=ChairModel.ICB_CHAIR)
        seat = factories.PostFactory(board=board, role=Role.CHAIR, places=2, label="Chair")
        appoint(seat, D(2022, 7, 1), person=factories.PersonFactory(name="First Chair"))
        with pytest.raises(ValidationError) as error:
            appoint(seat, D(2022, 8, 1))
        assert "First Chair" in str(error.value)

    def test_moving_a_body_with_co_chairs_to_a_single_chair_is_refused(self):
        board = factories.BoardFactory(chair_model=ChairModel.CO_CHAIRS)
        for _ in range(2):
            appoint(factories.PostFactory(board=board, role=Role.CO_CHAIR), D(2022, 7, 1))
        board.chair_model = ChairModel.ICB_CHAIR
        with pytest.raises(ValidationError) as error:
            board.full_clean()
        assert "chair_model" in error.value.message_dict
