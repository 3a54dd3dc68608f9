"""Filters every registry list shares: "as at" a date, current, and slug choices limited to what
the client may see (so an unpublished slug is as unknown as a misspelt one: a 400)."""

import django_filters
from django import forms

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
