"""Text that a spreadsheet would run as a formula is neutralised in every CSV and XLSX the
registry writes (the API's ``?format=csv`` and the admin's exports): a cell starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe, so a name
like ``=HYPERLINK(...)`` is shown as text, never run. An import reads such a cell back without
the apostrophe, so an export still re-imports unchanged.

Dates in a spreadsheet are read day first, as UK users write them (``DayFirstDateWidget``,
:func:`icsgov.core.dates.parse_spreadsheet_date`); one that could be read two ways is refused.
"""

from import_export.widgets import DateWidget

from icsgov.core.dates import parse_spreadsheet_date

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value`` as a spreadsheet may hold it: text that would start a formula, quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unquoted_cell(value):
    """An imported cell as the registry stores it: the apostrophe :func:`safe_cell` added, gone."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


class DayFirstDateWidget(DateWidget):
    """A date column: read day first (DD/MM/YYYY) or as YYYY-MM-DD, a date that could be read two
    ways refused with a message saying how to write it; written as YYYY-MM-DD, which reads back
    the same."""

    def clean(self, value, row=None, **kwargs):
        return parse_spreadsheet_date(value)
