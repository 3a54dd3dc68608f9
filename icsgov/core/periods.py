"""Periods: a start and an end, both inclusive, either of which may be open.

One home for three questions every dated record asks: do two periods share a day
(:func:`overlaps`, and :func:`overlapping_q` for the database), is a record in effect on a date
(:func:`in_effect_q`), and does a period end before it starts (:func:`period_errors`, run by
icsgov.core.models.CheckedModel, with the database's CHECK constraint from
:func:`end_not_before_start`, both worded by :func:`order_message`). Exclusion constraints
use :func:`inclusive_range`.
"""

from typing import NamedTuple

from django.contrib.postgres.fields import DateRangeField, RangeBoundary
from django.db import models
from django.db.models import F, Func, Q

from icsgov.core.dates import DatePrecision, format_date


class Period(NamedTuple):
    """A model's start and end fields (and, where it has them, their precision fields)."""

    start: str = "start_date"
    end: str = "end_date"
    start_precision: str | None = None
    end_precision: str | None = None


def overlaps(a_start, a_end, b_start, b_end) -> bool:
    """Whether two inclusive periods share at least one day. ``None`` is an open end (or a
    start that is not known, which could be any time before the end)."""
    return (a_end is None or b_start is None or b_start <= a_end) and (
        b_end is None or a_start is None or a_start <= b_end
    )


def overlapping_q(start, end, start_field="start_date", end_field="end_date", prefix="") -> Q:
    """Rows whose period shares at least one day with ``[start, end]`` (either may be None)."""
    q = Q()
    if start is not None:
        q &= Q(**{f"{prefix}{end_field}__isnull": True}) | Q(**{f"{prefix}{end_field}__gte": start})
    if end is not None:
        q &= Q(**{f"{prefix}{start_field}__isnull": True}) | Q(
            **{f"{prefix}{start_field}__lte": end}
        )
    return q


def in_effect_q(date, start_field="start_date", end_field="end_date", prefix="") -> Q:
    """Rows in effect on ``date``: started on or before it (or start not known) and not ended
    before it."""
    return overlapping_q(date, date, start_field, end_field, prefix)


def field_name(model, name) -> str:
    return str(model._meta.get_field(name).verbose_name)


def order_message(start_name, end_name, start=None, end=None) -> str:
    """The one wording of "a period cannot end before it starts", with the dates when known."""
    if start is None or end is None:
        return f"The {end_name} cannot be before the {start_name}."
    return f"The {end_name} ({end}) cannot be before the {start_name} ({start})."


def _shown(obj, field, precision_field):
    precision = getattr(obj, precision_field, None) if precision_field else None
    return format_date(getattr(obj, field), precision or DatePrecision.DAY)


def period_errors(obj, periods) -> dict:
    """{end field: message} for each of ``periods`` of ``obj`` that ends before it starts."""
    errors = {}
    for period in periods:
        start, end = getattr(obj, period.start), getattr(obj, period.end)
        if start is None or end is None or end >= start:
            continue
        errors[period.end] = order_message(
            field_name(type(obj), period.start),
            field_name(type(obj), period.end),
            _shown(obj, period.start, period.start_precision),
            _shown(obj, period.end, period.end_precision),
        )
    return errors


def end_not_before_start(model_label: str, start="start_date", end="end_date", names=None):
    """The database's CHECK constraint for one period (both ends inclusive). ``names`` are the
    fields' words for the message (default: the field names with spaces)."""
    start_name, end_name = names or (start.replace("_", " "), end.replace("_", " "))
    return models.CheckConstraint(
        condition=Q(**{f"{start}__isnull": True})
        | Q(**{f"{end}__isnull": True})
        | Q(**{f"{end}__gte": F(start)}),
        name=f"{model_label}_end_not_before_start",
        violation_error_message=order_message(start_name, end_name),
    )


class DateRange(Func):
    """``daterange(start, end, '[]')`` for exclusion constraints over inclusive periods."""

    function = "daterange"
    output_field = DateRangeField()


def inclusive_range(start="start_date", end="end_date"):
    return DateRange(start, end, RangeBoundary(inclusive_lower=True, inclusive_upper=True))
