"""Base admin classes: per-system scoping for every registry ModelAdmin and inline, the net
under every save, all-or-nothing actions, and each record's history page.

Scoping goes through the documented hooks only (``get_queryset``, ``has_*_permission``,
``formfield_for_*``, ``save_model``, ``delete_queryset``); the rules themselves are in
:mod:`icsgov.core.scoping` (who may see, change and link to what) and
:mod:`icsgov.core.history` (what a history page shows).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import get_fields_from_path, unquote
from django.contrib.admin.widgets import AdminDateWidget
from django.contrib.auth import get_permission_codename
from django.core.exceptions import (
    FieldDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.db import IntegrityError, models, transaction
from django.db.models import Exists, OuterRef, Q
from django.forms.forms import NON_FIELD_ERRORS
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse

from icsgov.core import concurrency, dates, history, scoping, visibility


class ScopedPermissionsMixin:
    """Permissions, foreign-key choices and querysets limited to the user's systems. Shared by
    ModelAdmins and inlines; for an inline, ``obj`` is the parent being edited."""

    def _perm(self, action):
        return f"{self.opts.app_label}.{get_permission_codename(action, self.opts)}"

    def get_queryset(self, request):
        return scoping.restrict(super().get_queryset(request), request.user, scoping.VIEW)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(self._perm("view"), obj)

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm(self._perm("change"), obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm(self._perm("delete"), obj)

    def _scoped_choices(self, db_field, request, kwargs):
        remote = db_field.remote_field.model
        if "queryset" in kwargs or not scoping.is_scoped(remote):
            return
        # The records this one may link to: the user's own systems', and the public records of
        # models others may cite (a published organisation) — the rule every door applies.
        kwargs["queryset"] = scoping.linkable(
            remote, request.user, via=(db_field.model, db_field.name)
        )
        if remote._meta.label_lower == "places.system" and not request.user.is_superuser:
            kwargs["required"] = True  # a blank system would make a record nobody but a
            # superuser may change

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        self._scoped_choices(db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        self._scoped_choices(db_field, request, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class VersionedForm(forms.ModelForm):
    """A change form that carries the record's fingerprint as it showed it, and refuses the save
    when someone else has changed the record since (icsgov.core.concurrency)."""

    record_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.pk is not None:
            self.initial["record_version"] = concurrency.fingerprint(self.instance)

    def clean(self):
        data = super().clean()
        shown = self.data.get(self.add_prefix("record_version"))
        changed = shown and shown != concurrency.fingerprint(self.instance, lock=True)
        if self.instance.pk is not None and changed:
            raise ValidationError(concurrency.CONFLICT, code="conflict")
        return data


class PresentRelatedFilter(admin.RelatedOnlyFieldListFilter):
    """Django's ``RelatedOnlyFieldListFilter`` (a relation's filter offers only the values
    present in the user's rows), asked as "each value for which one of the rows exists"
    (``EXISTS``, by the relation's index) rather than "the value is among the distinct values
    of every row": at national scale the systems of 40,000 appointments took 20–33 ms to list
    that way, against about 3 ms (docs/performance.md, 26)."""

    def field_choices(self, field, request, model_admin):
        present = model_admin.get_queryset(request).filter(**{self.field_path: OuterRef("pk")})
        ordering = self.field_admin_ordering(field, request, model_admin)
        return field.get_choices(
            include_blank=False, limit_choices_to=Q(Exists(present)), ordering=ordering
        )


class ScopedAdmin(ScopedPermissionsMixin, admin.ModelAdmin):
    """Base for every registry ModelAdmin: a secretariat user of one system cannot see, choose,
    change or delete another system's records, by URL guessing either (404)."""

    def has_module_permission(self, request):
        return scoping.can(request.user, scoping.VIEW)

    def has_add_permission(self, request):
        return request.user.has_perm(self._perm("add"))

    def get_search_results(self, request, queryset, search_term):
        # An autocomplete widget offers what a record may link to (icsgov.core.scoping
        # .linkable), the same rows the form field accepts: the user's own systems' records,
        # and the public records of models other systems may cite.
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "autocomplete":
            via = self._autocomplete_source(request)
            queryset = scoping.linkable(self.model, request.user, via=via)
        return super().get_search_results(request, queryset, search_term)

    @staticmethod
    def _autocomplete_source(request):
        """(linking model, field name) of an autocomplete request, from its query string."""
        from django.apps import apps

        try:
            model = apps.get_model(request.GET["app_label"], request.GET["model_name"])
            return model, model._meta.get_field(request.GET["field_name"]).name
        except (KeyError, LookupError, FieldDoesNotExist):
            return None

    def get_list_display(self, request):
        # A date with a precision is shown at its precision ("November 2022", not 1 Nov 2022).
        return [self._dated_column(entry) for entry in super().get_list_display(request)]

    def _dated_column(self, entry):
        if not isinstance(entry, str):
            return entry
        try:
            field = self.model._meta.get_field(entry)
        except FieldDoesNotExist:
            return entry
        precision = (
            dates.precision_field(self.model, entry)
            if field.get_internal_type() == ("DateField")
            else None
        )
        if precision is None:
            return entry

        def column(obj):
            return dates.format_date(getattr(obj, entry), getattr(obj, precision)) or "–"

        column.short_description = field.verbose_name
        column.admin_order_field = entry
        column.__name__ = entry
        return column

    def get_list_filter(self, request):
        # Relation filters offer only values present in the user's rows, so the filter sidebar
        # never lists another system's boards or organisations.
        filters = []
        for entry in super().get_list_filter(request):
            if isinstance(entry, str):
                try:
                    field = get_fields_from_path(self.model, entry)[-1]
                except FieldDoesNotExist:
                    field = None
                if field is not None and field.is_relation:
                    entry = (entry, PresentRelatedFilter)
            filters.append(entry)
        return filters

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The change form remembers the record as it showed it (optimistic concurrency). The
        # versioned form is the base for every call, so the hidden field it declares is known
        # when the admin builds the form from its own field list.
        base = kwargs.get("form", self.form)
        versioned = obj is not None and self.has_change_permission(request, obj)
        if versioned and not issubclass(base, VersionedForm):
            kwargs["form"] = type(base.__name__, (VersionedForm, base), {})
        return super().get_form(request, obj, change, **kwargs)

    #: Fields a form shows last, in this order: where the record came from, then its address.
    fields_last = ("is_published", "source", "source_section", "confirmed_on", "slug")

    def get_fields(self, request, obj=None):
        # A form starts with what a person fills in (name, body, seat...), then the dates, then
        # longer text (notes), and ends with publication, the source and the slug.
        fields = list(super().get_fields(request, obj))
        dated = list(
            dict.fromkeys(
                name
                for period in getattr(self.model, "date_periods", ())
                for name in (period.start, period.start_precision, period.end, period.end_precision)
                if name in fields
            )
        )
        text = [
            name
            for name in fields
            if name not in dated and self._is_model_field(name, models.TextField)
        ]
        last = [name for name in self.fields_last if name in fields]
        first = [name for name in fields if name not in {*dated, *text, *last}]
        return first + dated + text + last

    def _is_model_field(self, name, kind):
        try:
            return isinstance(self.model._meta.get_field(name), kind)
        except FieldDoesNotExist:
            return False

    def get_readonly_fields(self, request, obj=None):
        # A slug is a stable address (URLs and API clients use it): given or made when the
        # record is added, never changed after.
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and any(f.name == "slug" for f in self.model._meta.fields):
            readonly += [] if "slug" in readonly else ["slug"]
        return readonly

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None else super().get_prepopulated_fields(request, obj)

    def get_exclude(self, request, obj=None):
        # Private fields (contact details) only for those who keep the record: on an add form,
        # or on the change form of a record the user may change. Never for viewers.
        exclude = list(super().get_exclude(request, obj) or ())
        hidden = visibility.private_fields(self.model)
        if hidden:
            adding = obj is None and self.has_add_permission(request)
            keeps = obj is not None and scoping.can(request.user, scoping.CHANGE, obj)
            if not (adding or keeps):
                exclude += [name for name in hidden if name not in exclude]
        return exclude

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        # A new record goes in the user's system when they keep only one.
        field = next((f for f in self.model._meta.concrete_fields if f.name == "system"), None)
        systems = scoping.system_ids(request.user, scoping.CHANGE)
        if field is not None and "system" not in initial and systems and len(systems) == 1:
            initial["system"] = next(iter(systems))
        return initial

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Out of scope and missing look the same: a 404, not a hint that the record exists.
        raise Http404(f"No {opts.verbose_name} with that id is open to you.")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Re-checked inside the request's transaction: the saved record, and what it links to,
        # must still be in systems the user keeps (raising rolls the whole save back). A new
        # shared record (a source) belongs to no system: adding one is all the check asks.
        adding_shared = not change and scoping.scope_of(type(obj)).is_shared
        if not (adding_shared or scoping.can(request.user, scoping.CHANGE, obj, fresh=True)) or (
            scoping.links_outside(obj, request.user)
        ):
            raise PermissionDenied("That would put the record outside your systems.")

    def delete_queryset(self, request, queryset):
        changeable = scoping.restrict(queryset, request.user, scoping.CHANGE)
        if changeable.count() != queryset.count():
            raise PermissionDenied("Some of the selected records are not yours to delete.")
        super().delete_queryset(request, queryset)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Forms and formsets check every rule first; this is the net under them. If the
        # database still refuses a save (e.g. two rows of one inline clash with each other),
        # nothing of the form or its inlines is kept and the user is told why, never a 500.
        try:
            with transaction.atomic():
                return super().changeform_view(request, object_id, form_url, extra_context)
        except (IntegrityError, ValidationError) as error:
            detail = " ".join(getattr(error, "messages", [])) or str(error).splitlines()[0]
            self.message_user(request, f"Nothing was saved: {detail}", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def run_all_or_nothing(self, request, queryset, operation, done):
        """Apply ``operation`` to each record of ``queryset`` the user may change; if any
        fails its rules, keep none of the changes and list every failure."""
        failures, count = [], 0
        with transaction.atomic():
            savepoint = transaction.savepoint()
            for obj in self.changeable(request, queryset):
                try:
                    operation(obj)
                    count += 1
                except ValidationError as error:
                    failures.append(f"{obj}: {' '.join(error.messages)}")
            if failures:
                transaction.savepoint_rollback(savepoint)
                self.message_user(
                    request, "Nothing was changed. " + " ".join(failures), messages.ERROR
                )
                return 0
        self.message_user(request, done.format(count=count), messages.SUCCESS)
        return count

    def changeable(self, request, queryset):
        """``queryset`` limited to what the user may change: what every action must act on."""
        return scoping.restrict(queryset, request.user, scoping.CHANGE)

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": f"History: {obj}",
            "subtitle": None,
            "object": obj,
            "opts": self.opts,
            "events": history.object_history(obj, request.user),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/core/object_history.html", context)


class ParentErrorsForm(forms.ModelForm):
    """An inline form that shows rule errors about the (hidden) parent field, e.g. "the seat is
    full", above the row instead of losing them on the hidden input."""

    parent_field = None

    def add_error(self, field, error):
        if (
            field is None
            and self.parent_field
            and isinstance(error, ValidationError)
            and hasattr(error, "error_dict")
            and self.parent_field in error.error_dict
        ):
            error_dict = dict(error.error_dict)
            moved = error_dict.pop(self.parent_field)
            error_dict[NON_FIELD_ERRORS] = error_dict.get(NON_FIELD_ERRORS, []) + moved
            error = ValidationError(error_dict)
        super().add_error(field, error)


class ParentCachedFormSet(BaseInlineFormSet):
    """Gives each row its parent object, so rows whose name mentions the parent (a seat is
    "label (board)") do not fetch it once per row."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        self.fk.set_cached_value(form.instance, self.instance)
        return form


class DateForm(forms.Form):
    """The intermediate form of actions that need a date (e.g. ending appointments)."""

    date = forms.DateField(widget=AdminDateWidget, help_text="Inclusive.")


class ScopedTabularInline(ScopedPermissionsMixin, admin.TabularInline):
    def has_add_permission(self, request, obj=None):
        return request.user.has_perm(self._perm("add"), obj)


class ScopedStackedInline(ScopedPermissionsMixin, admin.StackedInline):
    def has_add_permission(self, request, obj=None):
        return request.user.has_perm(self._perm("add"), obj)
