"""Spreadsheet import and export of people and appointments (django-import-export).

The columns of an export are the columns an import reads, so an export re-imports unchanged.
Rows are matched to existing records by slug; people, seats and organisations named in a row
are found by slug or, failing that, by name. Every row goes through ``full_clean()``, so the
membership rules apply exactly as in the admin, and an import with any bad row saves nothing.
Everything is limited to the importing user's systems (icsgov.access).
"""

import datetime

from django.db import models
from import_export import fields, resources
from import_export.widgets import ForeignKeyWidget

from icsgov import access
from partnerships.models import Membership, Organisation, Person, Post


class ScopedForeignKeyWidget(ForeignKeyWidget):
    """Finds a related record by slug, or by name when no slug matches, among the records the
    importing user may see (or, for ``action='change'``, change)."""

    def __init__(self, model, name_field="name", action=access.VIEW, **kwargs):
        super().__init__(model, field="slug", **kwargs)
        self.name_field = name_field
        self.action = action
        self.user = None

    def get_queryset(self, value, row, *args, **kwargs):
        return access.restrict(self.model._default_manager.all(), self.user, self.action)

    def get_instance_by_lookup_fields(self, value, row, **kwargs):
        queryset = self.get_queryset(value, row, **kwargs)
        value = str(value).strip()
        found = queryset.filter(slug=value).first()
        if found:
            return found
        named = list(queryset.filter(**{f"{self.name_field}__iexact": value})[:2])
        noun = self.model._meta.verbose_name
        if len(named) == 1:
            return named[0]
        if named:
            raise ValueError(f"Several {noun} records are called '{value}': give the slug.")
        raise ValueError(f"No {noun} with slug or name '{value}' in your systems.")


class ScopedResource(resources.ModelResource):
    """A resource that knows the importing user: rows update only records the user may change,
    and related records are looked up within the user's systems."""

    def __init__(self, user=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user
        for field in self.fields.values():
            if isinstance(field.widget, ScopedForeignKeyWidget):
                field.widget.user = user

    def get_queryset(self):
        return access.restrict(self._meta.model._default_manager.all(), self.user, access.CHANGE)

    def import_instance(self, instance, row, **kwargs):
        try:
            super().import_instance(instance, row, **kwargs)
        finally:
            for field in instance._meta.concrete_fields:
                value = getattr(instance, field.attname)
                # An empty spreadsheet cell is a blank text, as the admin form would save it.
                if isinstance(field, models.CharField | models.TextField) and not field.null:
                    if value is None:
                        setattr(instance, field.attname, "")
                # Spreadsheets hold dates as date-times at midnight.
                elif (
                    isinstance(field, models.DateField)
                    and not isinstance(field, models.DateTimeField)
                    and isinstance(value, datetime.datetime)
                ):
                    setattr(instance, field.attname, value.date())


class PersonResource(ScopedResource):
    class Meta:
        model = Person
        fields = [
            "slug",
            "name",
            "honorific",
            "sort_name",
            "email",
            "phone",
            "biography",
            "is_published",
        ]
        export_order = fields
        import_id_fields = ["slug"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True


class MembershipResource(ScopedResource):
    person = fields.Field(
        attribute="person", column_name="person", widget=ScopedForeignKeyWidget(Person)
    )
    post = fields.Field(
        attribute="post",
        column_name="post",
        # Only seats in the user's own systems: an import cannot appoint anywhere else.
        widget=ScopedForeignKeyWidget(Post, name_field="label", action=access.CHANGE),
    )
    on_behalf_of = fields.Field(
        attribute="on_behalf_of",
        column_name="on_behalf_of",
        widget=ScopedForeignKeyWidget(Organisation),
    )
    board = fields.Field(attribute="post__board__name", column_name="board", readonly=True)

    class Meta:
        model = Membership
        fields = [
            "slug",
            "person",
            "post",
            "board",
            "on_behalf_of",
            "kind",
            "start_date",
            "end_date",
            "voting",
            "notes",
        ]
        export_order = fields
        import_id_fields = ["slug"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return super().get_queryset().select_related("person", "post__board", "on_behalf_of")
