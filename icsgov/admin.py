"""The project's admin screens: each system's start page (the secretariat's tasks), the changes
list across the registry (history), limited to the user's systems, and the screen superusers use
to grant roles."""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from pghistory.admin import EventsAdmin
from pghistory.admin.core import EventModelFilter, LabelFilter
from pghistory.models import Events

from icsgov.access import SystemAccess
from icsgov.core import checks, history, scoping
from icsgov.core.dates import today
from icsgov.models import Change
from partnerships import selectors
from partnerships.models import Interest, Meeting, Membership, Post, TermsOfReference
from places.models import System


@dataclass
class Task:
    """One line of a start page: what to do, how many, and the list that shows them."""

    label: str
    count: int
    url: str
    detail: str = ""


def _changelist(model, **query):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(query)}"


def system_tasks(system, user, date=None) -> list[Task]:
    """The start page's lines for ``system``: each a count with a link into the filtered list
    (the counts are the rules' own, partnerships.selectors.secretariat_tasks)."""
    date = date or today()
    tasks = selectors.secretariat_tasks(system, date, user, settings.ICSGOV_TERMS_ENDING_DAYS)
    since = date - datetime.timedelta(days=settings.ICSGOV_RECENT_CHANGES_DAYS)
    recent = history.events_in_system(
        Events.objects.filter(pgh_created_at__date__gte=since), user, system.pk
    ).count()
    by_system = {"board__system__id__exact": system.pk}
    return [
        Task(
            "Seats with vacancies",
            tasks.vacant_seats,
            _changelist(Post, vacancy="vacant", **by_system),
            f"{tasks.vacant_places} vacant place(s) on bodies whose membership is kept here",
        ),
        Task(
            "Seats with holders not recorded",
            tasks.not_recorded_seats,
            _changelist(Post, vacancy="not_recorded", **by_system),
            f"{tasks.not_recorded_places} place(s) on bodies known from papers, holder not "
            "recorded",
        ),
        Task(
            f"Terms of appointment ending in the next {tasks.ending_days} days",
            tasks.terms_ending,
            _changelist(Membership, state="ending", post__board__system__id__exact=system.pk),
        ),
        Task(
            "Meetings without attendance recorded",
            tasks.meetings_without_attendance,
            _changelist(Meeting, attendance="missing", **by_system),
        ),
        Task(
            "Terms of reference past their review date",
            tasks.terms_review_overdue,
            _changelist(TermsOfReference, review="overdue", **by_system),
        ),
        _overdue_declarations(system, user, date),
        Task(
            f"Changes in the last {settings.ICSGOV_RECENT_CHANGES_DAYS} days",
            recent,
            _changelist(Change, system=system.pk, pgh_created_at__date__gte=since.isoformat()),
        ),
        *_compliance_tasks(system, date),
    ]


def _overdue_declarations(system, user, date) -> Task:
    """Serving members whose latest declaration of interests is past its review date
    (``Interest.objects.review_overdue``, the admin list's "review overdue" filter)."""
    overdue = scoping.restrict(
        Interest.objects.filter(membership__post__board__system=system), user, scoping.VIEW
    ).review_overdue(date)
    return Task(
        "Declarations of interest overdue for review",
        overdue.values("membership").distinct().count(),
        _changelist(
            Interest, review="overdue", membership__post__board__system__id__exact=system.pk
        ),
        "serving members whose latest declaration (or nil return) is past its review date",
    )


def _compliance_tasks(system, date) -> list[Task]:
    """The compliance checks' findings about ``system`` (icsgov.core.checks), by severity, each
    a link to the findings themselves (the API's compliance list, readable in a browser)."""
    found = checks.counts(checks.run_checks(system=system, as_at=date))
    url = reverse("api:compliance")
    words = {
        checks.Severity.ERROR: "Compliance checks: errors",
        checks.Severity.WARNING: "Compliance checks: warnings",
        checks.Severity.INFORMATION: "Compliance checks: for information",
    }
    lines = [
        Task(
            label,
            found[severity],
            f"{url}?{urlencode({'system': system.slug, 'severity': severity})}",
        )
        for severity, label in words.items()
    ]
    lines.append(
        Task(
            "Compliance checks the data cannot decide",
            found["undecidable"],
            f"{url}?{urlencode({'system': system.slug})}",
            "e.g. a body known only from papers: membership not recorded, not a breach",
        )
    )
    return lines


def start_page(request, slug):
    """A system's start page for its secretariat (and viewers): what needs doing."""
    systems = scoping.restrict(System.objects.all(), request.user, scoping.VIEW)
    system = get_object_or_404(systems, slug=slug)
    context = {
        **admin.site.each_context(request),
        "title": f"{system.name}: what needs doing",
        "subtitle": None,
        "system": system,
        "tasks": system_tasks(system, request.user),
        "as_at": today(),
    }
    request.current_app = admin.site.name
    return TemplateResponse(request, "admin/icsgov/start.html", context)


def start_pages(request):
    """The systems whose start pages the user may open, for the admin's index."""
    if not scoping.can(request.user, scoping.VIEW):
        return []
    return list(
        scoping.restrict(System.objects.filter(is_synthetic=False), request.user, scoping.VIEW)
    )


def index(request, extra_context=None):
    """The admin's index, with the start pages of the user's systems above the lists."""
    return admin.site.index(request, {"start_pages": start_pages(request), **(extra_context or {})})


class EventSystemFilter(admin.SimpleListFilter):
    """Changes of one system's records (the start page's "changes" link)."""

    title = "system"
    parameter_name = "system"

    def lookups(self, request, model_admin):
        systems = scoping.restrict(System.objects.all(), request.user, scoping.VIEW)
        return [(str(s.pk), str(s)) for s in systems.filter(is_synthetic=False)]

    def queryset(self, request, queryset):
        if not (self.value() and self.value().isdigit()):
            return queryset
        return history.events_in_system(queryset, request.user, int(self.value()))


class EventUserFilter(admin.SimpleListFilter):
    """Changes made by one user, in the admin or by a command run on their behalf: superusers
    choose any staff user, others the staff of their own systems."""

    title = "user"
    parameter_name = "user"

    def lookups(self, request, model_admin):
        from django.contrib.auth import get_user_model

        users = get_user_model().objects.filter(is_staff=True)
        systems = scoping.system_ids(request.user, scoping.VIEW)
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
        # icsgov.core.history.command_context); a change recorded under another user id is not
        # theirs even if the names match.
        username = get_user_model().objects.filter(pk=pk).values_list("username", flat=True)
        for name in username:
            by_user |= Q(pgh_context__username=name) & ~Q(pgh_context__has_key="user")
        return queryset.filter(by_user)


class WhatFilter(LabelFilter):
    """Added, changed or deleted (pghistory's event labels, in the secretariat's words)."""

    title = "what"

    def lookups(self, request, model_admin):
        return list(history.WORDS.items())


class RecordKindFilter(EventModelFilter):
    """The kind of record changed, by its name in the admin (seat, appointment...)."""

    title = "kind of record"

    def lookups(self, request, model_admin):
        kinds = []
        for model in history.tracked_models():
            event_model = history.event_model(model)
            kinds.append((event_model._meta.label_lower, str(model._meta.verbose_name)))
        return sorted(kinds, key=lambda kind: kind[1])


class ChangesList(ChangeList):
    """Describes the page's events once (icsgov.core.history.describe_all): who, through which
    door, and each changed field, with private fields left out where the user may not see them.
    The count and the page are read with the memory their hashed lists need
    (icsgov.core.history.reading_history)."""

    def get_results(self, request):
        # The page's keys first (the count and the page read no event's data), then the page's
        # events whole, by primary key (history.events_by_key): the page itself asked of
        # pghistory's Events built every event's data and difference first, 6 s at national
        # scale.
        events = self.queryset
        self.queryset = events.values_list("pgh_slug", flat=True)
        try:
            with history.reading_history():
                super().get_results(request)
                keys = list(self.result_list)
        finally:
            self.queryset = events
        self.result_list = history.events_by_key(keys, self.model)
        for event, change in zip(
            self.result_list, history.describe_all(self.result_list, request.user), strict=True
        ):
            event.change = change


class ScopedEventsAdmin(EventsAdmin):
    """The list of changes across the registry, limited to the user's systems, by date, kind of
    record and user."""

    date_hierarchy = "pgh_created_at"
    # Each change is read in full in its row; the raw event page is not offered (it would show
    # private fields unstripped).
    list_display_links = None

    def get_list_display(self, request):
        return ["when", "who", "record", "what", "changed_fields"]

    def get_changelist(self, request, **kwargs):
        return ChangesList

    def get_list_filter(self, request):
        # pghistory's own filters, under the secretariat's words.
        words = {LabelFilter: WhatFilter, EventModelFilter: RecordKindFilter}
        filters = [words.get(entry, entry) for entry in super().get_list_filter(request)]
        return [*filters, EventSystemFilter, EventUserFilter]

    def has_module_permission(self, request):
        return scoping.can(request.user, scoping.VIEW)

    def has_view_permission(self, request, obj=None):
        return obj is None and scoping.can(request.user, scoping.VIEW)

    def get_queryset(self, request):
        return history.events_in_systems(super().get_queryset(request), request.user)

    @admin.display(description="when", ordering="pgh_created_at")
    def when(self, event):
        return event.pgh_created_at

    @admin.display(description="who")
    def who(self, event):
        change = event.change
        who = change.who or "(no user recorded)"
        return f"{who} ({change.via})" if change.via else who

    @admin.display(description="record")
    def record(self, event):
        model = history.model_of(event.pgh_obj_model)
        kind = model._meta.verbose_name if model is not None else event.pgh_obj_model
        return f"{kind} {event.change.object_slug or event.pgh_obj_id}"

    @admin.display(description="what")
    def what(self, event):
        return event.change.what

    @admin.display(description="changes")
    def changed_fields(self, event):
        return "; ".join(
            f"{f.label}: {f.shown_before if f.shown_before is not None else '—'} → "
            f"{f.shown_after if f.shown_after is not None else '—'}"
            for f in event.change.fields
        )

    def changelist_view(self, request, extra_context=None):
        target = request.GET.get("obj", "")
        if target and not request.user.is_superuser:
            label, _, pk = target.partition(":")
            try:
                model = apps.get_model(label)
                obj = model._default_manager.get(pk=pk)
            except (LookupError, ValueError, ObjectDoesNotExist, ValidationError):
                raise Http404("No such record.") from None
            if not scoping.can(request.user, scoping.VIEW, obj):
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
