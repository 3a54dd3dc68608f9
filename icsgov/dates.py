"""Dates as the papers give them: a day, a month, a range of months, a quarter or a year.

An imprecise date is stored as the first day of its period plus its precision, so it sorts and
filters like any date without inventing a day: (2022-11-01, MONTH) reads "November 2022".
"""

import calendar
import datetime

from django.db import models


class DatePrecision(models.TextChoices):
    DAY = "day", "day"
    MONTH = "month", "month"
    MONTH_RANGE = "month_range", "range of months"
    QUARTER = "quarter", "quarter"
    YEAR = "year", "year"


def period_end(date: datetime.date, precision: str) -> datetime.date:
    """The last day of the period a (date, precision) pair stands for."""
    if precision in (DatePrecision.MONTH, DatePrecision.MONTH_RANGE):
        return date.replace(day=calendar.monthrange(date.year, date.month)[1])
    if precision == DatePrecision.QUARTER:
        last_month = ((date.month - 1) // 3) * 3 + 3
        return datetime.date(date.year, last_month, calendar.monthrange(date.year, last_month)[1])
    if precision == DatePrecision.YEAR:
        return datetime.date(date.year, 12, 31)
    return date


def format_date(
    date: datetime.date | None, precision: str = DatePrecision.DAY, date_end=None
) -> str:
    """Render a date at its precision: '9 August 2022', 'July 2022', 'April – June 2022'."""
    if date is None:
        return ""
    if precision == DatePrecision.MONTH:
        return date.strftime("%B %Y")
    if precision == DatePrecision.MONTH_RANGE and date_end:
        if date.year == date_end.year:
            return f"{date:%B} – {date_end:%B %Y}"
        return f"{date:%B %Y} – {date_end:%B %Y}"
    if precision == DatePrecision.QUARTER:
        return f"Q{(date.month - 1) // 3 + 1} {date.year}"
    if precision == DatePrecision.YEAR:
        return str(date.year)
    return f"{date.day} {date:%B %Y}"


def not_over_q(date: datetime.date, start="date", precision="precision", end="date_end"):
    """A ``Q`` for (start, precision, end) periods whose last day is on or after ``date``: a
    "December 2022" milestone is not over until 31 December, whatever day it is stored as."""
    from django.db.models import Q

    month_start = date.replace(day=1)
    quarter_start = date.replace(month=((date.month - 1) // 3) * 3 + 1, day=1)
    year_start = date.replace(month=1, day=1)
    return (
        Q(**{precision: DatePrecision.DAY, f"{start}__gte": date})
        | Q(**{precision: DatePrecision.DAY, f"{end}__gte": date})
        | Q(**{precision: DatePrecision.MONTH, f"{start}__gte": month_start})
        | Q(**{precision: DatePrecision.MONTH_RANGE, f"{end}__gte": month_start})
        | Q(**{precision: DatePrecision.QUARTER, f"{start}__gte": quarter_start})
        | Q(**{precision: DatePrecision.YEAR, f"{start}__gte": year_start})
    )
