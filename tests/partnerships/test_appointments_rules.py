"""Appointment rules, enforced in the model layer with a message naming the conflict (seat
capacity, the same person twice, the seat's dates), ending and reappointing, and the database's
own constraints under them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from partnerships.models import Membership
from partnerships.services import end_membership, reappoint
from tests import factories
from tests.helpers.appointments import appoint
from tests.helpers.constraints import refused

D = datetime.date


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
        # Vacancies are counted on a body whose membership the registry maintains.
        post = factories.PostFactory(places=4, board__membership_maintained_from=D(2022, 7, 1))
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
    def test_an_appointment_must_fall_within_its_seats_dates(self):
        post = factories.PostFactory(
            start_date=D(2023, 4, 1), label="Senior representation from UHS"
        )
        with pytest.raises(ValidationError) as error:
            appoint(post, D(2023, 1, 1))
        assert "start_date" in error.value.message_dict
        assert "exists from 1 April 2023" in str(error.value)


@pytest.mark.django_db
class TestDatabaseConstraints:
    def test_appointment_ending_before_it_starts_is_refused_by_update(self):
        membership = factories.MembershipFactory(start_date=D(2023, 4, 1))
        refused(
            lambda: Membership.objects.filter(pk=membership.pk).update(end_date=D(2023, 3, 31)),
            "partnerships_membership_end_not_before_start",
        )

    def test_overlapping_appointment_inserted_with_raw_sql_is_refused(self):
        membership = factories.MembershipFactory(
            start_date=D(2022, 11, 1), end_date=D(2023, 10, 31)
        )

        def insert_overlap():
            with connection.cursor() as cursor:
                cursor.execute(
                    "INSERT INTO partnerships_membership (slug, person_id, post_id, start_date,"
                    " start_precision, end_precision, kind, is_published, source_id,"
                    " source_section, notes)"
                    " VALUES ('raw-overlap', %s, %s, '2023-10-31', 'day', 'day', 'member',"
                    " true, NULL, '', '')",
                    [membership.person_id, membership.post_id],
                )

        refused(insert_overlap, "partnerships_membership_no_overlap_same_person_post")

    def test_back_to_back_terms_are_allowed(self):
        first = factories.MembershipFactory(start_date=D(2022, 11, 1), end_date=D(2023, 10, 31))
        Membership.objects.bulk_create(
            [
                Membership(
                    slug="second-term",
                    person=first.person,
                    post=first.post,
                    start_date=D(2023, 11, 1),
                )
            ]
        )
        assert Membership.objects.filter(person=first.person).count() == 2
