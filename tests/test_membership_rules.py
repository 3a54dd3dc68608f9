"""Counting rules, enforced in the model layer with a message naming the conflict."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from partnerships.choices import ChairModel, Role
from partnerships.models import Membership
from partnerships.services import end_membership, reappoint
from tests import factories

D = datetime.date


def appoint(post, start, end=None, **kwargs):
    membership = Membership(
        person=kwargs.pop("person", None) or factories.PersonFactory(),
        post=post,
        start_date=start,
        end_date=end,
        **kwargs,
    )
    membership.full_clean()
    membership.save()
    return membership


@pytest.mark.django_db
class TestSeatCapacity:
    def test_a_seat_holds_no_more_people_than_its_places(self):
        post = factories.PostFactory(label="Healthwatch representative", places=1)
        holder = appoint(post, D(2022, 11, 1), person=factories.PersonFactory(name="Ann Smith"))
        with pytest.raises(ValidationError) as error:
            appoint(post, D(2023, 4, 1))
        message = " ".join(error.value.messages)
        assert "Healthwatch representative" in message
        assert "1 April 2023" in message
        assert "Ann Smith" in message
        assert Membership.objects.filter(post=post).get() == holder

    def test_save_enforces_capacity_even_without_full_clean(self):
        post = factories.PostFactory(places=1)
        appoint(post, D(2022, 11, 1))
        with pytest.raises(ValidationError):
            Membership.objects.create(
                person=factories.PersonFactory(), post=post, start_date=D(2023, 1, 1)
            )
        assert post.memberships.count() == 1

    def test_capacity_is_checked_on_dates_after_the_new_start(self):
        """A seat free on the new start date but full later is refused, naming the later date."""
        post = factories.PostFactory(label="Vol Sector Representative", places=1)
        appoint(post, D(2023, 6, 1), person=factories.PersonFactory(name="Later Holder"))
        with pytest.raises(ValidationError) as error:
            appoint(post, D(2023, 1, 1))
        assert "on 1 June 2023 it is already filled by Later Holder" in str(error.value)

    def test_four_places_take_four_people(self):
        post = factories.PostFactory(places=4)
        for _ in range(4):
            appoint(post, D(2022, 7, 1))
        assert post.vacancies_on(D(2022, 7, 1)) == 0
        with pytest.raises(ValidationError):
            appoint(post, D(2022, 7, 1))

    def test_a_successor_may_start_the_day_after_the_holder_leaves(self):
        post = factories.PostFactory(places=1)
        appoint(post, D(2022, 11, 1), D(2023, 3, 31))
        appoint(post, D(2023, 4, 1))
        assert post.filled_on(D(2023, 3, 31)) == 1
        assert post.filled_on(D(2023, 4, 1)) == 1

    def test_deputies_take_no_place(self):
        post = factories.PostFactory(places=1)
        member = appoint(post, D(2022, 11, 1))
        appoint(post, D(2022, 11, 1), kind="deputy", deputy_for=member)
        assert post.filled_on(D(2022, 12, 1)) == 1

    def test_a_seat_whose_size_is_not_stated_has_no_limit(self):
        post = factories.PostFactory(places=None)
        appoint(post, D(2022, 11, 1))
        appoint(post, D(2022, 11, 1))
        assert post.vacancies_on(D(2022, 11, 1)) is None

    def test_the_same_person_twice_in_one_seat_is_a_clear_error(self):
        post = factories.PostFactory(places=2, label="Local authority representative")
        first = appoint(post, D(2022, 7, 1))
        with pytest.raises(ValidationError) as error:
            appoint(post, D(2023, 1, 1), person=first.person)
        assert "already holds the seat 'Local authority representative'" in str(error.value)


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
class TestAsAt:
    """'As at' answers come from the dates: in on the start day and the end day, out after."""

    @pytest.fixture
    def membership(self):
        return factories.MembershipFactory(start_date=D(2022, 11, 1), end_date=D(2023, 3, 31))

    @pytest.mark.parametrize(
        "date,expected",
        [
            (D(2022, 10, 31), False),
            (D(2022, 11, 1), True),
            (D(2023, 3, 31), True),
            (D(2023, 4, 1), False),
        ],
    )
    def test_membership_as_at(self, membership, date, expected):
        assert Membership.objects.as_at(date).filter(pk=membership.pk).exists() is expected
        assert membership.is_in_effect_on(date) is expected

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
class TestServices:
    def test_end_then_reappoint_starts_the_day_after(self):
        membership = factories.MembershipFactory(start_date=D(2022, 11, 1))
        end_membership(membership, D(2023, 10, 31))
        new = reappoint(membership)
        assert new.start_date == D(2023, 11, 1)
        assert new.person == membership.person and new.post == membership.post

    def test_ending_before_the_start_is_a_field_error(self):
        membership = factories.MembershipFactory(start_date=D(2022, 11, 1))
        with pytest.raises(ValidationError) as error:
            end_membership(membership, D(2022, 10, 1))
        assert "end_date" in error.value.message_dict
        membership.refresh_from_db()
        assert membership.end_date is None


@pytest.mark.django_db
class TestRulesWhenSeatsAndBodiesChange:
    def test_two_chairs_in_one_chair_seat_are_refused_under_a_single_chair_model(self):
        board = factories.BoardFactory(chair_model=ChairModel.ICB_CHAIR)
        seat = factories.PostFactory(board=board, role=Role.CHAIR, places=2, label="Chair")
        appoint(seat, D(2022, 7, 1), person=factories.PersonFactory(name="First Chair"))
        with pytest.raises(ValidationError) as error:
            appoint(seat, D(2022, 8, 1))
        assert "First Chair" in str(error.value)

    def test_shrinking_a_seat_below_its_holders_is_refused(self):
        post = factories.PostFactory(places=2, label="Local authority representatives")
        appoint(post, D(2022, 7, 1), person=factories.PersonFactory(name="A Holder"))
        appoint(post, D(2022, 9, 1), person=factories.PersonFactory(name="B Holder"))
        post.places = 1
        with pytest.raises(ValidationError) as error:
            post.full_clean()
        assert "places" in error.value.message_dict
        assert "1 September 2022" in str(error.value) and "B Holder" in str(error.value)

    def test_moving_a_body_with_co_chairs_to_a_single_chair_is_refused(self):
        board = factories.BoardFactory(chair_model=ChairModel.CO_CHAIRS)
        for _ in range(2):
            appoint(factories.PostFactory(board=board, role=Role.CO_CHAIR), D(2022, 7, 1))
        board.chair_model = ChairModel.ICB_CHAIR
        with pytest.raises(ValidationError) as error:
            board.full_clean()
        assert "chair_model" in error.value.message_dict

    def test_an_appointment_must_fall_within_its_seats_dates(self):
        post = factories.PostFactory(
            start_date=D(2023, 4, 1), label="Senior representation from UHS"
        )
        with pytest.raises(ValidationError) as error:
            appoint(post, D(2023, 1, 1))
        assert "start_date" in error.value.message_dict
        assert "exists from 1 April 2023" in str(error.value)


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
