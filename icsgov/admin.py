"""The admin's shared behaviour: per-system scoping for every registry ModelAdmin and inline,
history pages read from pghistory, and the screens superusers use to grant roles.

Scoping goes through the documented hooks only (``get_queryset``, ``has_*_permission``,
``formfield_for_*``, ``save_model``, ``delete_queryset``); the rule itself is in
:mod:`icsgov.access`.
"""

from django import forms
from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin.utils import get_fields_from_path, unquote
from django.contrib.admin.widgets import AdminDateWidget
from django.contrib.auth import get_permission_codename
from django.core.exceptions import (
    FieldDoesNotExist,
    ObjectDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.db import IntegrityError, transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.forms.forms import NON_FIELD_ERRORS
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from pghistory.admin import EventsAdmin

from icsgov import access
from icsgov.access import SystemAccess


class ScopedPermissionsMixin:
    """Permissions, foreign-key choices and querysets limited to the user's systems. Shared by
    ModelAdmins and inlines; for an inline, ``obj`` is the parent being edited."""

    def _perm(self, action):
        return f"{self.opts.app_label}.{get_permission_codename(action, self.opts)}"

    def get_queryset(self, request):
        return access.restrict(super().get_queryset(request), request.user, access.VIEW)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(self._perm("view"), obj)

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm(self._perm("change"), obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm(self._perm("delete"), obj)

    def _scoped_choices(self, db_field, request, kwargs):
        remote = db_field.remote_field.model
        if "queryset" in kwargs or not access.is_scoped(remote):
            return
        # A record can be put only in a system the user keeps; anything else may be chosen
        # where the user may see it (e.g. a national organisation).
        action = access.CHANGE if remote._meta.label_lower == "places.system" else access.VIEW
        kwargs["queryset"] = access.restrict(remote._default_manager.all(), request.user, action)
        if action == access.CHANGE and not request.user.is_superuser:
            kwargs["required"] = True  # a blank system would make a record nobody but a
            # superuser may change

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        self._scoped_choices(db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        self._scoped_choices(db_field, request, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ScopedAdmin(ScopedPermissionsMixin, admin.ModelAdmin):
    """Base for every registry ModelAdmin: a secretariat user of one system cannot see, choose,
    change or delete another system's records, by URL guessing either (404)."""

    def has_module_permission(self, request):
        return access.can(request.user, access.VIEW)

    def has_add_permission(self, request):
        return request.user.has_perm(self._perm("add"))

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
                    entry = (entry, admin.RelatedOnlyFieldListFilter)
            filters.append(entry)
        return filters

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Out of scope and missing look the same: a 404, not a hint that the record exists.
        raise Http404(f"No {opts.verbose_name} with that id is open to you.")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Re-checked inside the request's transaction: the saved record must still be in a
        # system the user keeps (raising rolls the whole save back).
        if not access.can(request.user, access.CHANGE, obj, fresh=True):
            raise PermissionDenied("That would put the record outside your systems.")

    def delete_queryset(self, request, queryset):
        changeable = access.restrict(queryset, request.user, access.CHANGE)
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
        return access.restrict(queryset, request.user, access.CHANGE)

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
            "events": object_history(obj),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/icsgov/object_history.html", context)


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


HISTORY_LIMIT = 500


def _label(model, name):
    try:
        return str(model._meta.get_field(name.removesuffix("_id")).verbose_name)
    except FieldDoesNotExist:
        return name


def object_history(obj):
    """The pghistory events of ``obj``, newest first: when, who, what, and for each changed
    field its value before and after."""
    from django.contrib.auth import get_user_model
    from pghistory.models import Events

    events = list(Events.objects.tracks(obj).order_by("-pgh_created_at", "-pgh_id")[:HISTORY_LIMIT])
    user_ids = {
        e.pgh_context["user"]
        for e in events
        if e.pgh_context and isinstance(e.pgh_context.get("user"), int)
    }
    users = get_user_model().objects.in_bulk(user_ids)
    model = type(obj)
    rows = []
    for event in events:
        context = event.pgh_context or {}
        user = users.get(context.get("user"))
        who = user.get_username() if user else context.get("username", "")
        via = context.get("url") or (
            f"command {context['command']}" if "command" in context else ""
        )
        if event.pgh_diff:
            changes = [
                (_label(model, name), before, after)
                for name, (before, after) in sorted(event.pgh_diff.items())
            ]
        else:
            changes = [
                (_label(model, name), None, value)
                for name, value in sorted((event.pgh_data or {}).items())
                if event.pgh_label == "insert"
            ]
        rows.append(
            {
                "when": event.pgh_created_at,
                "what": event.pgh_label,
                "who": who or "(no user recorded)",
                "via": via,
                "changes": changes,
            }
        )
    return rows


class EventUserFilter(admin.SimpleListFilter):
    """Changes made by one user, in the admin or by a command run on their behalf: superusers
    choose any staff user, others the staff of their own systems."""

    title = "user"
    parameter_name = "user"

    def lookups(self, request, model_admin):
        from django.contrib.auth import get_user_model

        users = get_user_model().objects.filter(is_staff=True)
        systems = access.system_ids(request.user, access.VIEW)
        if systems is not None:
            users = users.filter(system_access__system__in=systems).distinct()
        return [(str(u.pk), u.get_username()) for u in users.order_by("username")]

    def queryset(self, request, queryset):
        if not (self.value() and self.value().isdigit()):
            return queryset
        from django.contrib.auth import get_user_model

        pk = int(self.value())
        by_user = Q(pgh_context__user=pk)
        # Commands run on someone's behalf may record only their username (see
        # icsgov.history.command_context); a change recorded under another user id is not
        # theirs even if the names match.
        username = get_user_model().objects.filter(pk=pk).values_list("username", flat=True)
        for name in username:
            by_user |= Q(pgh_context__username=name) & ~Q(pgh_context__has_key="user")
        return queryset.filter(by_user)


class ScopedEventsAdmin(EventsAdmin):
    """pghistory's list of changes across the registry, limited to the user's systems, by
    date, model and user."""

    date_hierarchy = "pgh_created_at"

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), EventUserFilter]

    def has_module_permission(self, request):
        return access.can(request.user, access.VIEW)

    def has_view_permission(self, request, obj=None):
        return access.can(request.user, access.VIEW)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        visible = Q(pk__in=[])
        for label in [*access.SYSTEM_PATHS, "partnerships.person"]:
            model = apps.get_model(label)
            ids = access.restrict(model._default_manager.all(), request.user, access.VIEW)
            ids = ids.annotate(pk_text=Cast("pk", TextField())).values("pk_text")
            visible |= Q(pgh_obj_model=model._meta.label, pgh_obj_id__in=ids)
        return queryset.filter(visible)

    def changelist_view(self, request, extra_context=None):
        target = request.GET.get("obj", "")
        if target and not request.user.is_superuser:
            label, _, pk = target.partition(":")
            try:
                model = apps.get_model(label)
                obj = model._default_manager.get(pk=pk)
            except (LookupError, ValueError, ObjectDoesNotExist, ValidationError):
                raise Http404("No such record.") from None
            if not access.can(request.user, access.VIEW, obj):
                raise Http404("No such record.")
        return super().changelist_view(request, extra_context)


@admin.register(SystemAccess)
class SystemAccessAdmin(admin.ModelAdmin):
    """Roles are granted by superusers only (or `manage.py grant_access`)."""

    list_display = ["user", "role", "system", "granted_at"]
    list_filter = ["role", "system"]
    list_select_related = ["user", "system"]
    search_fields = ["user__username", "system__name"]
    autocomplete_fields = ["user", "system"]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    has_add_permission = has_module_permission

    def has_change_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    has_delete_permission = has_change_permission
