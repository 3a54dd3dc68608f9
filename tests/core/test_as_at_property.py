"""A property of "as at" (hypothesis): an appointment is among those in effect on date D exactly
when D lies within its dates, whatever the dates and their precisions."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icsgov.core.dates import DatePrecision
from partnerships.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db

DATES = st.dates(min_value=datetime.date(2015, 1, 1), max_value=datetime.date(2030, 12, 31))


@pytest.fixture
def seat(db):
    return factories.PostFactory(places=None)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    start=DATES,
    length=st.one_of(st.none(), st.integers(min_value=0, max_value=2000)),
    precision=st.sampled_from(DatePrecision.values),
    on=DATES,
)
def test_an_appointment_is_in_effect_exactly_within_its_dates(seat, start, length, precision, on):
    end = start + datetime.timedelta(days=length) if length is not None else None
    membership = Membership.objects.create(
        person=factories.PersonFactory(),
        post=seat,
        start_date=start,
        start_precision=precision,
        end_date=end,
        end_precision=precision,
    )
    expected = start <= on and (end is None or on <= end)
    assert Membership.objects.filter(pk=membership.pk).as_at(on).exists() == expected
    assert membership.is_in_effect_on(on) == expected
    membership.delete()
