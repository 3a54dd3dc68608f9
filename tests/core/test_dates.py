"""Dates as the papers give them (icsgov.core.dates): a milestone or a meeting known only to
the month, or to a range of months, is upcoming until its last day has passed."""

import datetime

import pytest

from icsgov.core.dates import format_when
from tests import factories

D = datetime.date


@pytest.mark.django_db
class TestImpreciseDates:
    def test_a_month_milestone_is_upcoming_until_the_month_is_over(self):
        from strategy.models import Milestone

        december = factories.MilestoneFactory(date=D(2022, 12, 1), precision="month")
        assert december in Milestone.objects.upcoming(D(2022, 12, 31))
        assert december not in Milestone.objects.past(D(2022, 12, 31))
        assert december in Milestone.objects.past(D(2023, 1, 1))

    def test_a_month_range_is_upcoming_until_its_last_month_is_over(self):
        from strategy.models import Milestone

        spring = factories.MilestoneFactory(
            date=D(2022, 4, 1), precision="month_range", date_end=D(2022, 6, 1)
        )
        assert spring in Milestone.objects.upcoming(D(2022, 6, 30))
        assert spring in Milestone.objects.past(D(2022, 7, 1))

    def test_a_meeting_known_only_by_month_is_not_past_within_that_month(self):
        from partnerships.models import Meeting

        meeting = factories.MeetingFactory(date=D(2022, 9, 1), date_precision="month")
        assert meeting in Meeting.objects.upcoming(D(2022, 9, 20))
        assert meeting in Meeting.objects.past(D(2022, 10, 1))


@pytest.mark.parametrize(
    "precision, end, said",
    [
        ("day", None, "on 9 August 2022"),
        ("month", None, "in August 2022"),
        ("month_range", datetime.date(2022, 10, 1), "in August – October 2022"),
        ("quarter", None, "in Q3 2022"),
        ("year", None, "in 2022"),
        ("on_or_before", None, "on or before 9 August 2022"),
    ],
)
def test_a_date_in_a_sentence_keeps_its_precision(precision, end, said):

    assert format_when(datetime.date(2022, 8, 9), precision, end) == said
