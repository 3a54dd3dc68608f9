"""Filters every registry list shares — "as at" a date, current, and slug choices limited to what
the client may see (so an unpublished slug is as unknown as a misspelt one: a 400)."""

import django_filters
from django import forms
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation

from icsgov.core.dates import InvalidDate, parse_as_at, parse_month, today
from icsgov.core.visibility import visible

TRUE_FALSE = (("true", "true"), ("false", "false"))


def visible_to_request(model):
    def queryset(request):
        return visible(model.objects.all(), getattr(request, "user", None))

    return queryset


def slug_filter(model, field_name, label, **kwargs):
    return django_filters.ModelChoiceFilter(
        field_name=field_name,
        to_field_name="slug",
        queryset=visible_to_request(model),
        label=label,
        **kwargs,
    )


class AsAtField(forms.DateField):
    """A form field reading "as at" with the one parser every door uses."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_as_at(value)
        except InvalidDate as error:
            raise forms.ValidationError(str(error), code="invalid") from None


class AsAtFilter(django_filters.DateFilter):
    field_class = AsAtField


class MonthField(forms.DateField):
    """A form field reading a month (``YYYY-MM``) as its first day."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_month(value)
        except InvalidDate as error:
            raise forms.ValidationError(str(error), code="invalid") from None


class MonthFilter(django_filters.DateFilter):
    field_class = MonthField


class DatedFilterSet(django_filters.FilterSet):
    """For time-bounded records: ``as_at`` answers from their dates through the model's
    ``as_at()`` queryset; ``current=true`` is ``as_at`` today."""

    as_at = AsAtFilter(
        method="filter_as_at",
        label="In effect on this date (YYYY-MM-DD): started on or before it, not ended before it.",
    )
    current = django_filters.ChoiceFilter(
        choices=TRUE_FALSE,
        method="filter_current",
        label="true: in effect today (as_at today); false: not in effect today.",
    )

    def filter_as_at(self, queryset, name, value):
        return queryset.as_at(value)

    def filter_current(self, queryset, name, value):
        in_effect = self.filter_as_at(queryset, name, today())
        if value == "true":
            return in_effect
        return queryset.exclude(pk__in=in_effect.values("pk"))


def _given(name, keys):
    """Whether the query names filter ``name``: itself, or one of its widget's parameters
    (``start_date_after`` for the range filter ``start_date``)."""
    return name in keys or any(key.startswith(f"{name}_") for key in keys)


class GivenFiltersBackend(DjangoFilterBackend):
    """django-filter's backend, building for each list request only the filters its query gives
    (and any required one). django-filter builds every filter of the set, and a form field for
    each, on every request — deep copies of all fourteen of the appointments list's filters to
    apply one — which was about a fifth of that list's time at national scale
    (docs/performance.md). A filter not given applies nothing, so the answer is the same; an
    invalid value of a given one is the same 400. The browsable API's filter form (``to_html``)
    and the schema still see every filter."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None:
            return queryset
        kwargs = self.get_filterset_kwargs(request, queryset, view)
        keys = set(kwargs["data"])
        filterset = filterset_class.__new__(filterset_class)
        # An instance's own ``base_filters``, read by ``__init__`` in place of the class's.
        filterset.base_filters = {
            name: filter_
            for name, filter_ in filterset_class.base_filters.items()
            if filter_.extra.get("required") or _given(name, keys)
        }
        filterset.__init__(**kwargs)
        if not filterset.is_valid() and self.raise_exception:
            raise translate_validation(filterset.errors)
        return filterset.qs
