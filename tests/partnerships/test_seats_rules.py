"""A seat's size: never below its holders, and never no places at all (the database
refuses that too)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests import factories
from tests.helpers.appointments import appoint
from tests.helpers.constraints import refused

D = datetime.date


@pytest.mark.django_db
class TestRulesWhenSeatsAndBodiesChange:
    def test_shrinking_a_seat_below_its_holders_is_refused(self):
        post = factories.PostFactory(places=2, label="Local authority representatives")
        appoint(post, D(2022, 7, 1), person=factories.PersonFactory(name="A Holder"))
        appoint(post, D(2022, 9, 1), person=factories.PersonFactory(name="B Holder"))
        post.places = 1
        with pytest.raises(ValidationError) as error:
            post.full_clean()
        assert "places" in error.value.message_dict
        assert "1 September 2022" in str(error.value) and "B Holder" in str(error.value)


@pytest.mark.django_db
class TestDatabaseConstraints:
    def test_seat_with_no_places_is_refused(self):
        post = factories.PostFactory()
        from partnerships.models import Post

        refused(
            lambda: Post.objects.filter(pk=post.pk).update(places=0),
            "partnerships_post_at_least_one_place",
        )
