"""Admin pages as a user submits them: the POST data a change page's Save button would send (so a
test changes one thing and submits the rest as the page showed it), new inline rows, the add
page's data, and the errors the page shows back."""

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


def change_url(obj):
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"


def add_url(model):
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/add/"


def add_page_data(client, existing, **fields):
    """The POST data of the add page: ``existing``'s main fields (with ``fields`` changed),
    every inline empty."""
    data = page_data(client.get(change_url(existing)))
    prefixes = {k.removesuffix("-TOTAL_FORMS") for k in data if k.endswith("-TOTAL_FORMS")}
    for prefix in prefixes:
        for key in [k for k in data if k.startswith(f"{prefix}-")]:
            del data[key]
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(fields)
    return data


def form_errors(response):
    """The errors of the page's main form, by field."""
    return response.context["adminform"].form.errors


def inline_errors(response, prefix):
    """Every error of the ``prefix`` inline: (field or None, message) per row, and the
    formset's own errors under ``"__formset__"``."""
    assert response.status_code == 200, response.status_code
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        if formset.prefix == prefix:
            found = [
                (field, str(message))
                for row_errors in formset.errors
                for field, messages in row_errors.items()
                for message in messages
            ]
            found += [("__formset__", str(m)) for m in formset.non_form_errors()]
            return found
    raise AssertionError(f"no inline {prefix}")


def membership_change_data(membership, **extra):
    """What an appointment's change page submits, with ``notes`` edited (and ``extra``)."""
    return {
        "person": membership.person_id,
        "post": membership.post_id,
        "on_behalf_of": membership.on_behalf_of_id or "",
        "kind": membership.kind,
        "start_date": membership.start_date.isoformat(),
        "start_precision": "day",
        "end_date": "",
        "end_precision": "day",
        "is_published": "on",
        "slug": membership.slug,
        "notes": "edited",
        **extra,
    }
