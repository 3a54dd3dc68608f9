"""Spreadsheet import and export of people and appointments (django-import-export).

The columns of an export are the columns an import reads, so an export re-imports unchanged.
Rows are matched to existing records by slug; people, seats and organisations named in a row
are found by slug or, failing that, by name. Every row goes through ``full_clean()``, so the
membership rules apply exactly as in the admin, and an import with any bad row saves nothing.
Everything is limited to the importing user's systems, and a row may link only to what the
user may link to (icsgov.core.scoping): their own systems' records and published organisations
and people. Contact details are exported only for people the user may change.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from import_export import fields, resources
from import_export.widgets import ForeignKeyWidget

from icsgov.core import scoping
from icsgov.core.spreadsheets import DayFirstDateWidget, safe_cell, unquoted_cell
from icsgov.core.visibility import private_fields
from partnerships.models import Membership, Organisation, Person, Post
from partnerships.rules import people as people_rules
from places.models import System


class ScopedForeignKeyWidget(ForeignKeyWidget):
    """Finds a related record by slug, or by name when no slug matches, among the records the
    importing user may link to (icsgov.core.scoping.linkable), as the admin and the API offer."""

    def __init__(self, model, name_field="name", **kwargs):
        super().__init__(model, field="slug", **kwargs)
        self.name_field = name_field
        self.user = None
        self.via = None  # (linking model, field name), set by the resource

    def get_queryset(self, value, row, *args, **kwargs):
        return scoping.linkable(self.model, self.user, via=self.via)

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
        raise ValueError(f"No {noun} with slug or name '{value}' that you may link to.")


class ScopedResource(resources.ModelResource):
    """A resource that knows the importing user: rows update only records the user may change,
    and related records are looked up within the user's systems. Dates are read day first."""

    WIDGETS_MAP = {**resources.ModelResource.WIDGETS_MAP, "DateField": DayFirstDateWidget}

    def __init__(self, user=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user
        for field in self.fields.values():
            if isinstance(field.widget, ScopedForeignKeyWidget):
                field.widget.user = user
                field.widget.via = (self._meta.model, field.attribute)

    def get_queryset(self):
        return scoping.restrict(self._meta.model._default_manager.all(), self.user, scoping.CHANGE)

    def export(self, queryset=None, **kwargs):
        if queryset is None:
            queryset = self.get_queryset()
        if private_fields(self._meta.model):
            queryset = scoping.changeable_annotation(queryset, self.user)
        return super().export(queryset=queryset, **kwargs)

    def export_field(self, field, instance, **kwargs):
        # Contact details only for records the user keeps (never for viewers).
        if field.attribute in private_fields(type(instance)) and not getattr(
            instance, "_changeable", False
        ):
            return ""
        return safe_cell(super().export_field(field, instance, **kwargs))

    def import_row(self, row, instance_loader, **kwargs):
        # The apostrophe an export put before text that would start a formula (safe_cell).
        for key in list(row.keys()):
            row[key] = unquoted_cell(row[key])
        return super().import_row(row, instance_loader, **kwargs)

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
    system = fields.Field(
        attribute="system",
        column_name="system",
        widget=ScopedForeignKeyWidget(System),
    )

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
            "system",
        ]
        export_order = fields
        import_id_fields = ["slug"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        if instance.pk is None and instance.system_id is None:
            instance.system = people_rules.home_system_for(self.user)
            if instance.system is None and not self.user.is_superuser:
                raise ValidationError({"system": people_rules.HOME_SYSTEM_NEEDED})


NEW_PERSON = {"yes", "y", "true", "1", "new"}


class PersonOrNewPersonWidget(ScopedForeignKeyWidget):
    """The appointment's person: found by slug or name, or — when the row's ``new_person`` says
    yes — added, with that name, unpublished, in the importing user's system, so one file adds
    people and their appointments together. A second row for the same new person finds the
    one the first row added."""

    def __init__(self, **kwargs):
        super().__init__(Person, **kwargs)

    def clean(self, value, row=None, **kwargs):
        wanted = str((row or {}).get("new_person") or "").strip().lower() in NEW_PERSON
        if not wanted or value in (None, ""):
            return super().clean(value, row, **kwargs)
        name = str(value).strip()
        added = getattr(self, "added", {})
        if name.lower() in added:
            return added[name.lower()]
        existing = self.get_queryset(value, row).filter(name__iexact=name)
        if existing.exists():
            raise ValueError(
                f"Someone called '{name}' is in the registry already: give their slug, or leave "
                "new_person blank to appoint them."
            )
        system = people_rules.home_system_for(self.user)
        if system is None and not self.user.is_superuser:
            raise ValueError(people_rules.HOME_SYSTEM_NEEDED)
        person = Person(name=name, system=system, is_published=False)
        try:
            person.full_clean()
        except ValidationError as error:
            raise ValueError(f"New person '{name}': {' '.join(error.messages)}") from None
        person.save()
        self.added = {**added, name.lower(): person}
        return person


class MembershipResource(ScopedResource):
    person = fields.Field(
        attribute="person", column_name="person", widget=PersonOrNewPersonWidget()
    )
    # Import only: "yes" adds the row's person as a new (unpublished) person.
    new_person = fields.Field(column_name="new_person", readonly=True)
    post = fields.Field(
        attribute="post",
        column_name="post",
        # Only seats in the user's own systems: an import cannot appoint anywhere else.
        widget=ScopedForeignKeyWidget(Post, name_field="label"),
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
            "new_person",
        ]
        export_order = fields
        import_id_fields = ["slug"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return super().get_queryset().select_related("person", "post__board", "on_behalf_of")
