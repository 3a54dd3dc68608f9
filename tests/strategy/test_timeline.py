"""The strategy timeline (strategy.timeline): ranges drawn as ranges, days as marks, past and
upcoming judged on a period's last day, annual cycles drawn every year."""

import datetime

from icsgov.core.dates import DatePrecision
from strategy.choices import Recurrence
from strategy.models import Milestone
from strategy.timeline import build_timeline

D = datetime.date


def milestone(date, precision=DatePrecision.DAY, date_end=None, recurrence=Recurrence.NONE):
    return Milestone(
        title="m", date=date, precision=precision, date_end=date_end, recurrence=recurrence
    )


def test_a_month_range_is_drawn_as_a_range_and_a_day_as_a_mark():
    day = milestone(D(2022, 7, 1))
    spring = milestone(D(2022, 4, 1), DatePrecision.MONTH_RANGE, D(2022, 6, 1))

    timeline = build_timeline([day, spring], on=D(2022, 5, 15))

    by_day, by_spring = (
        next(e for e in timeline.entries if e.milestone is m) for m in (day, spring)
    )
    ((left, width),) = by_spring.bars
    assert by_spring.is_range and not by_day.is_range
    assert 24 < left < 25  # 1 April is about a quarter into 2022
    assert 24 < width < 26  # April to June is about a quarter of the year
    assert by_day.bars[0][1] < 1
    assert by_spring.state == "current" and by_day.state == "upcoming"


def test_past_and_upcoming_are_judged_on_the_last_day_of_the_period():
    july = milestone(D(2022, 7, 1), DatePrecision.MONTH)

    assert build_timeline([july], on=D(2022, 7, 31)).entries[0].state == "current"
    assert build_timeline([july], on=D(2022, 8, 1)).entries[0].state == "past"
    assert build_timeline([july], on=D(2022, 6, 30)).entries[0].state == "upcoming"


def test_an_annual_cycle_is_drawn_every_year_up_to_now_even_across_the_new_year():
    once = milestone(D(2022, 12, 1), DatePrecision.MONTH)
    winter = milestone(
        D(2023, 12, 1), DatePrecision.MONTH_RANGE, D(2024, 1, 1), recurrence=Recurrence.ANNUAL
    )

    timeline = build_timeline([once, winter], on=D(2026, 3, 1))

    annual = next(e for e in timeline.entries if e.milestone is winter)
    assert annual.state == "annual"
    assert len(annual.bars) == 4  # Dec 2023–Jan 2024 ... Dec 2026–Jan 2027 (clipped)
    assert [y for y, _ in timeline.years] == [2022, 2023, 2024, 2025, 2026]
    assert timeline.today_left is not None


def test_no_milestones_no_timeline():
    assert build_timeline([], on=D(2022, 1, 1)) is None
