"""A milestone timeline laid out for drawing: each milestone's period as a share of the whole.

Dates keep their precision: a month is drawn as the whole month, a range of months as the range,
a quarter as the quarter. Annual milestones ("May/June each year") are drawn in every year the
timeline spans and marked as part of the annual cycle.
"""

import datetime
from dataclasses import dataclass

from icsgov.core.dates import DatePrecision, format_date
from strategy.choices import Recurrence


@dataclass
class TimelineEntry:
    milestone: object
    start: datetime.date
    end: datetime.date
    when: str
    state: str  # "past", "current", "upcoming" or "annual"
    is_range: bool
    bars: list  # (left %, width %) pairs; several for an annual milestone

    @property
    def state_label(self) -> str:
        return {
            "past": "Past",
            "current": "Happening now",
            "upcoming": "Upcoming",
            "annual": "Every year",
        }[self.state]


@dataclass
class Timeline:
    start: datetime.date
    end: datetime.date
    entries: list
    years: list  # (year, left %) for the scale
    today_left: float | None


def _percent(date, start, span_days):
    return round(100 * (date - start).days / span_days, 2)


def _annual_periods(milestone, last_year):
    """The milestone's period in each year from its first occurrence; a period may cross the
    new year (December/January)."""
    first, last = milestone.date, milestone.last_day
    crosses = last.year - first.year
    for year in range(first.year, last_year + 1):
        yield first.replace(year=year), last.replace(year=year + crosses)


def build_timeline(milestones, on: datetime.date) -> Timeline | None:
    """Lay out ``milestones`` (already filtered to what may be shown) as at ``on``."""
    milestones = list(milestones)
    if not milestones:
        return None
    one_off = [m for m in milestones if m.recurrence != Recurrence.ANNUAL]
    dated = one_off or milestones
    start = min(m.date for m in dated).replace(month=1, day=1)
    end = max(m.last_day for m in dated).replace(month=12, day=31)
    if len(one_off) < len(milestones):
        # An annual cycle continues: draw it up to the end of this year, so today is on the scale.
        end = max(end, datetime.date(on.year, 12, 31))
    span_days = max((end - start).days, 1)

    entries = []
    for m in milestones:
        is_range = m.precision != DatePrecision.DAY
        if m.recurrence == Recurrence.ANNUAL:
            periods = [(s, e) for s, e in _annual_periods(m, end.year) if s <= end]
            bars = [
                (_percent(s, start, span_days), _percent(min(e, end), start, span_days))
                for s, e in periods
            ]
            entries.append(
                TimelineEntry(
                    m,
                    m.date,
                    m.last_day,
                    m.when,
                    "annual",
                    True,
                    [(left, max(right - left, 0.6)) for left, right in bars],
                )
            )
            continue
        first, last = m.date, m.last_day
        if last < on:
            state = "past"
        elif first > on:
            state = "upcoming"
        else:
            state = "current"
        left = _percent(first, start, span_days)
        width = max(_percent(last, start, span_days) - left, 0.6)
        entries.append(
            TimelineEntry(
                m,
                first,
                last,
                format_date(m.date, m.precision, m.date_end),
                state,
                is_range,
                [(left, width)],
            )
        )
    entries.sort(key=lambda e: (e.start, e.milestone.order))
    years = [
        (year, _percent(datetime.date(year, 1, 1), start, span_days))
        for year in range(start.year, end.year + 1)
    ]
    today_left = _percent(on, start, span_days) if start <= on <= end else None
    return Timeline(start, end, entries, years, today_left)
