"""Reading the "as at" date a visitor asks for."""

import datetime

from icsgov.models import today


def parse_as_at(value):
    """(date, error): the date asked for in ``?as_at=YYYY-MM-DD``, or today with a message
    saying why the value could not be used. Never raises."""
    if not value:
        return today(), None
    try:
        date = datetime.date.fromisoformat(value.strip())
    except ValueError:
        return today(), "Enter a real date, for example 2023-01-31"
    if not datetime.date(1948, 7, 5) <= date <= datetime.date(2100, 12, 31):
        return today(), "Enter a date between 5 July 1948 and 31 December 2100"
    return date, None
