"""Periods (icsgov.core.periods): a dated record is in effect from its start day to its end
day, both inclusive, and "current" means in effect today — the same for every dated resource of
the API."""

import datetime

import pytest

from tests import factories
from tests.helpers.api import slugs

D = datetime.date


START, END = D(2022, 11, 1), D(2023, 3, 31)


DATED = [
    ("systems", factories.SystemFactory, {"start_date": START, "end_date": END}),
    ("organisations", factories.OrganisationFactory, {"start_date": START, "end_date": END}),
    ("boards", factories.BoardFactory, {"start_date": START, "end_date": END}),
    ("posts", factories.PostFactory, {"start_date": START, "end_date": END}),
    ("memberships", factories.MembershipFactory, {"start_date": START, "end_date": END}),
    (
        "terms-of-reference",
        factories.TermsOfReferenceFactory,
        {"in_force_from": START, "in_force_to": END},
    ),
    ("strategies", factories.StrategyFactory, {"period_start": START, "period_end": END}),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("endpoint", "factory", "dates"), DATED, ids=[d[0] for d in DATED])
def test_as_at_includes_the_start_and_end_days_and_not_the_days_outside(
    api, endpoint, factory, dates
):
    obj = factory(**dates)
    expected = {
        D(2022, 10, 31): False,
        START: True,
        D(2023, 1, 15): True,
        END: True,
        D(2023, 4, 1): False,
    }
    for date, present in expected.items():
        found = obj.slug in slugs(api.get(f"/api/v1/{endpoint}/?as_at={date}"))
        assert found is present, f"{endpoint} as at {date}"


@pytest.mark.django_db
@pytest.mark.parametrize(("endpoint", "factory", "dates"), DATED, ids=[d[0] for d in DATED])
def test_current_is_as_at_today(api, endpoint, factory, dates):
    ended = factory(**dates)
    ongoing = factory(**{key: START if i == 0 else None for i, key in enumerate(dates)})
    current = slugs(api.get(f"/api/v1/{endpoint}/?current=true"))
    assert ongoing.slug in current
    assert ended.slug not in current
    assert ended.slug in slugs(api.get(f"/api/v1/{endpoint}/?current=false"))
