"""Dates as the papers give them: a day, a month, a range of months, a quarter or a year.

An imprecise date is stored as the first day of its period plus its precision, so it sorts and
filters like any date without inventing a day: (2022-11-01, MONTH) reads "November 2022".
"""

import calendar
import contextvars
import datetime
import re
from contextlib import contextmanager

from django.db import models
from django.db.models import Q
from django.utils import timezone

_day = contextvars.ContextVar("icsgov_day", default=None)


def today() -> datetime.date:
    """Today in the registry's time zone (settings.TIME_ZONE): the default "as at" date; or,
    inside :func:`taken_as_today`, the day given there."""
    return _day.get() or timezone.localdate()


@contextmanager
def taken_as_today(day: datetime.date):
    """:func:`today` is ``day`` meanwhile (in this thread): for what is made once for a day and
    kept for it (the changes feed's conditions), so that a clock passing midnight half-way
    through cannot make it of two days."""
    token = _day.set(day)
    try:
        yield
    finally:
        _day.reset(token)


#: The dates an "as at" question may ask about: from the NHS's first day to the end of the
#: century. Outside them the answer would be empty or meaningless, so the question is refused.
AS_AT_MIN = datetime.date(1948, 7, 5)
AS_AT_MAX = datetime.date(2100, 12, 31)


class InvalidDate(ValueError):
    """A date a person typed that cannot be used; ``str()`` says why, in words they can act on."""


def parse_as_at(value) -> datetime.date:
    """The date of an ``as_at`` question (``YYYY-MM-DD``), today when blank. Every door — the
    pages, the API's filters and details, exports — reads "as at" through this one function, so
    they accept the same dates and refuse the rest with the same message (``InvalidDate``)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return today()
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        date = value
    else:
        try:
            date = datetime.date.fromisoformat(str(value).strip())
        except ValueError:
            raise InvalidDate(
                f"Enter a real date as YYYY-MM-DD, for example 2023-04-01 ('{value}' is not one)"
            ) from None
    if not AS_AT_MIN <= date <= AS_AT_MAX:
        raise InvalidDate(
            f"Enter a date between {format_date(AS_AT_MIN)} and {format_date(AS_AT_MAX)}"
        )
    return date


def parse_month(value) -> datetime.date:
    """The first day of a month given as ``YYYY-MM`` (e.g. a month view), within the dates an
    "as at" question may ask about; ``InvalidDate`` otherwise."""
    text = str(value or "").strip()
    try:
        year, month = (int(part) for part in text.split("-"))
        first = datetime.date(year, month, 1)
    except ValueError:
        raise InvalidDate(
            f"Enter a month as YYYY-MM, for example 2023-04 ('{value}' is not one)"
        ) from None
    if not AS_AT_MIN.replace(day=1) <= first <= AS_AT_MAX:
        raise InvalidDate(
            f"Enter a month between {format_date(AS_AT_MIN, DatePrecision.MONTH)} and "
            f"{format_date(AS_AT_MAX, DatePrecision.MONTH)}"
        )
    return first


def date_from_parts(data, prefix: str, label: str = "The date") -> datetime.date | None:
    """The date typed into an NHS.UK date input (``<prefix>-day``, ``-month``, ``-year`` boxes),
    None when all three are blank; ``InvalidDate`` naming what is missing or wrong otherwise,
    in the design system's words ("The date must include a year")."""
    parts = {name: str(data.get(f"{prefix}-{name}") or "").strip() for name in DATE_PARTS}
    if not any(parts.values()):
        return None
    missing = [name for name in DATE_PARTS if not parts[name]]
    if missing:
        raise InvalidDate(f"{label} must include a {' and a '.join(missing)}")
    try:
        day, month, year = (int(parts[name]) for name in DATE_PARTS)
        if year < 1000:
            raise ValueError
        date = datetime.date(year, month, day)
    except ValueError:
        raise InvalidDate(f"{label} must be a real date, for example 1 4 2023") from None
    return parse_as_at(date)


def as_at_from(data, prefix: str = "on") -> tuple[datetime.date, str | None]:
    """(the date a page is read as at, the error to show or None) from a request's query: the
    NHS.UK date input's boxes (``on-day``, ``on-month``, ``on-year``) when filled, else
    ``as_at=YYYY-MM-DD`` (the links pages make), else today. A date that cannot be used gives
    today's page with the reason, never an error page with nothing on it."""
    try:
        typed = date_from_parts(data, prefix, "The date")
        return (typed or parse_as_at(data.get("as_at"))), None
    except InvalidDate as error:
        return today(), str(error)


#: The boxes of an NHS.UK date input, in the order a UK reader writes a date.
DATE_PARTS = ("day", "month", "year")

_DAY_FIRST = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TWO_DIGIT_YEAR = re.compile(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}")
_NO_YEAR = re.compile(r"\d{1,2}[/.\-]\d{1,2}")
SPREADSHEET_DATE_FORMAT = "DD/MM/YYYY (for example 01/04/2024 for 1 April 2024) or YYYY-MM-DD"


def parse_spreadsheet_date(value) -> datetime.date | None:
    """A date from a spreadsheet cell, read as people in the UK write it: day first
    (``DD/MM/YYYY``, also with ``-`` or ``.``), or ``YYYY-MM-DD``, or ``1 April 2024``; a cell a
    spreadsheet holds as a date is taken as it is. A date that could be read more than one way
    (a two-digit year such as 01-02-03, no year, or a month-first date such as 04/13/2024) is
    refused with ``InvalidDate``, never guessed. Blank is None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    if match := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DAY_FIRST.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
        if month > 12 and day <= 12:
            raise InvalidDate(
                f"'{text}' looks month first; dates are read day first, as "
                f"{SPREADSHEET_DATE_FORMAT}. Write it as {month:02d}/{day:02d}/{year} if that is "
                "the date meant."
            )
    elif _TWO_DIGIT_YEAR.fullmatch(text):
        raise InvalidDate(
            f"'{text}' could be read as more than one date (which part is the day, the month, "
            f"the year?). Write it as {SPREADSHEET_DATE_FORMAT}, with the year in full."
        )
    elif _NO_YEAR.fullmatch(text):
        raise InvalidDate(
            f"'{text}' has no year, and could be day/month or month/day. Write it as "
            f"{SPREADSHEET_DATE_FORMAT}."
        )
    else:
        for pattern in ("%d %B %Y", "%d %b %Y"):
            try:
                return datetime.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        raise InvalidDate(f"'{text}' is not a date. Write it as {SPREADSHEET_DATE_FORMAT}.")
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise InvalidDate(
            f"'{text}' is not a real date. Write it as {SPREADSHEET_DATE_FORMAT}."
        ) from None


class DatePrecision(models.TextChoices):
    DAY = "day", "day"
    MONTH = "month", "month"
    MONTH_RANGE = "month_range", "range of months"
    QUARTER = "quarter", "quarter"
    YEAR = "year", "year"
    #: Known to be so on this day, and not since when: "in post on or before 28 March 2022".
    ON_OR_BEFORE = "on_or_before", "on or before (not known since when)"


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
    if precision == DatePrecision.ON_OR_BEFORE:
        return f"on or before {date.day} {date:%B %Y}"
    return f"{date.day} {date:%B %Y}"


def format_when(date: datetime.date | None, precision: str = DatePrecision.DAY, date_end=None):
    """A date at its precision as a sentence says it: 'on 9 August 2022', 'in July 2022',
    'in April – June 2022', 'in Q2 2022', 'in 2022', 'on or before 9 August 2022'."""
    text = format_date(date, precision, date_end)
    if not text or precision == DatePrecision.ON_OR_BEFORE:
        return text
    return f"on {text}" if precision == DatePrecision.DAY else f"in {text}"


def not_over_q(date: datetime.date, start="date", precision="precision", end="date_end"):
    """A ``Q`` for (start, precision, end) periods whose last day is on or after ``date``: a
    "December 2022" milestone is not over until 31 December, whatever day it is stored as."""
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


def within_q(
    first: datetime.date,
    last: datetime.date,
    start="date",
    precision="precision",
    end="date_end",
):
    """A ``Q`` for periods that may fall between ``first`` and ``last`` (inclusive): begun by
    ``last`` and not over before ``first`` — a "September 2022" meeting is within any day of
    that month, and within the month view of September."""
    return Q(**{f"{start}__lte": last}) & not_over_q(first, start, precision, end)


def precision_field(model, name) -> str | None:
    """The field that holds the precision of ``model``'s date field ``name``, if it has one: as
    the model declares it (``date_precisions``, or its ``date_periods``), else by the usual names
    (start_date → start_precision, due_date → due_precision, published_on →
    published_precision, date → date_precision)."""
    declared = getattr(model, "date_precisions", {})
    if name in declared:
        return declared[name]
    for period in getattr(model, "date_periods", ()):
        if period.start == name and period.start_precision:
            return period.start_precision
        if period.end == name and period.end_precision:
            return period.end_precision
    names = {f.name for f in model._meta.concrete_fields}
    for candidate in (
        name.removesuffix("_date") + "_precision",
        name.removesuffix("_on") + "_precision",
        f"{name}_precision",
    ):
        if candidate != name and candidate in names:
            return candidate
    return None
