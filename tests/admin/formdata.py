"""Turn an admin change page into the POST data its Save button would send, so tests can change
one thing and submit the rest as the page showed it."""

import datetime

from django import forms


def _value(field, bound):
    value = bound.value()
    if isinstance(field, forms.NullBooleanField):
        return {None: "unknown", True: "true", False: "false"}.get(value, value)
    if isinstance(field, forms.BooleanField):
        return "on" if value else None
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return "" if value is None else str(value)


def _add_form(data, form):
    for name, field in form.fields.items():
        value = _value(field, form[name])
        if value is not None:
            data[form.add_prefix(name)] = value


def page_data(response):
    data = {}
    _add_form(data, response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _add_form(data, formset.management_form)
        for form in formset.forms:
            _add_form(data, form)
    return data


def add_rows(data, prefix, rows):
    """Append new inline rows (dicts of field: value) to the ``prefix`` formset."""
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    # Replace the blank extra rows the page offered with the new ones.
    initial = int(data[f"{prefix}-INITIAL_FORMS"])
    for key in [k for k in data if k.startswith(f"{prefix}-") and k.split("-")[1].isdigit()]:
        if int(key.split("-")[1]) >= initial:
            del data[key]
    for i, row in enumerate(rows, start=initial):
        for name, value in row.items():
            data[f"{prefix}-{i}-{name}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = str(initial + len(rows))
    del total
    return data
