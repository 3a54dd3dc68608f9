"""Text that a spreadsheet would run as a formula is neutralised in every CSV and XLSX the
registry writes (the API's ``?format=csv`` and the admin's exports): a cell starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe, so a name
like ``=HYPERLINK(...)`` is shown as text, never run. An import reads such a cell back without
the apostrophe, so an export still re-imports unchanged."""

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
