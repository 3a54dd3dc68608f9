import datetime

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from import_export.admin import ExportActionMixin, ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX

from icsgov import access
from icsgov.admin import (
    DateForm,
    ParentCachedFormSet,
    ParentErrorsForm,
    ScopedAdmin,
    ScopedStackedInline,
    ScopedTabularInline,
)
from icsgov.models import today
from partnerships import services
from partnerships.choices import MembershipKind, TermsStatus
from partnerships.models import (
    Agreement,
    Attendance,
    Board,
    Decision,
    Meeting,
    MeetingPaper,
    Membership,
    Organisation,
    OrganisationIdentifier,
    Person,
    Post,
    Principle,
    TermsClause,
    TermsOfReference,
)
from partnerships.resources import MembershipResource, PersonResource


def _overlap(start, end, other_start, other_end):
    """Whether two inclusive periods overlap; a missing start or end is open."""
    start, other_start = start or datetime.date.min, other_start or datetime.date.min
    end, other_end = end or datetime.date.max, other_end or datetime.date.max
    return start <= other_end and other_start <= end


def _period(start, end):
    since = f"from {start:%d %b %Y}" if start else "from the beginning"
    return f"{since} to {end:%d %b %Y}" if end else f"{since}, open-ended"


class IdentifierFormSet(ParentCachedFormSet):
    """Codes added or changed together are checked against each other, as the database's
    exclusion constraints would (a code held twice at once; two codes of one scheme for the
    organisation at once): a form error on the row, not a refusal half way through the save.
    Each row's own validation checks it against other organisations' saved codes, leaving out
    this organisation's (they are all rows here, with their submitted dates)."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.checked_together = frozenset(
            saved.pk for saved in self.get_queryset() if saved.pk
        )
        return form

    def clean(self):
        super().clean()
        kept = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or form.errors:
                continue
            scheme, value = data.get("scheme"), data.get("code")
            start, end = data.get("valid_from"), data.get("valid_to")
            for other in kept:
                if other["scheme"] != scheme or not _overlap(
                    start, end, other["valid_from"], other["valid_to"]
                ):
                    continue
                period = _period(other["valid_from"], other["valid_to"])
                if other["code"] == value:
                    form.add_error(
                        "code", f"{value} is entered twice for overlapping periods ({period})."
                    )
                else:
                    form.add_error(
                        "valid_from",
                        f"{other['code']} is this organisation's {scheme.upper()} code "
                        f"{period}: one code per scheme at a time. End it the day before this "
                        "one applies.",
                    )
                break
            else:
                kept.append(data)


class IdentifierInline(ScopedTabularInline):
    model = OrganisationIdentifier
    formset = IdentifierFormSet
    extra = 0
    fields = ["scheme", "code", "valid_from", "valid_to", "source_note"]


@admin.register(Organisation)
class OrganisationAdmin(ScopedAdmin):
    list_display = ["name", "short_name", "sector", "kind", "system", "is_published"]
    list_filter = ["sector", "kind", "system", "is_published"]
    list_select_related = ["system"]
    search_fields = ["name", "short_name", "slug", "identifiers__code"]
    autocomplete_fields = ["system", "predecessors"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [IdentifierInline]


@admin.register(OrganisationIdentifier)
class OrganisationIdentifierAdmin(ScopedAdmin):
    list_display = ["code", "scheme", "organisation", "valid_from", "valid_to"]
    list_filter = ["scheme"]
    list_select_related = ["organisation"]
    search_fields = ["code", "organisation__name"]
    autocomplete_fields = ["organisation"]


def in_effect_on(prefix, date):
    return Q(**{f"{prefix}start_date__lte": date}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": date})
    )


class PostInline(ScopedTabularInline):
    """A board's seats, each with its places filled as at today (one query for all seats)."""

    model = Post
    formset = ParentCachedFormSet
    extra = 0
    fields = [
        "label",
        "role",
        "places",
        "filled_today",
        "voting",
        "statutory",
        "phase",
        "start_date",
        "end_date",
    ]
    readonly_fields = ["filled_today"]
    show_change_link = True

    def get_queryset(self, request):
        holding = Q(memberships__kind=MembershipKind.MEMBER)
        holding &= in_effect_on("memberships__", today())
        return (
            super()
            .get_queryset(request)
            .annotate(filled_count=Count("memberships", filter=holding))
        )

    @admin.display(description="filled today")
    def filled_today(self, post):
        if post.pk is None:
            return "—"
        filled = getattr(post, "filled_count", None)
        if filled is None:
            filled = post.filled_on(today())
        return f"{filled}/{post.places if post.places is not None else 'no limit'}"


class TermsFormSet(ParentCachedFormSet):
    """Two ratified versions added or changed together must not be in force at once (the
    database would refuse the second; say so on the form instead). Every version of the board
    is a row here, so the rows are checked against each other with their submitted dates, and
    each row's own check leaves the others' saved (about to change) dates out: ending the old
    version and adding the next in one save works."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.checked_together = self._saved_ids
        return form

    @property
    def _saved_ids(self):
        if not hasattr(self, "_saved_ids_cache"):
            self._saved_ids_cache = frozenset(
                form_instance.pk for form_instance in self.get_queryset() if form_instance.pk
            )
        return self._saved_ids_cache

    def clean(self):
        super().clean()
        ratified = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or data.get("status") != TermsStatus.RATIFIED:
                continue
            start = data.get("in_force_from")
            if start is None:
                continue
            end = data.get("in_force_to") or datetime.date.max
            for other, other_start, other_end in ratified:
                if start <= other_end and other_start <= end:
                    form.add_error(
                        "in_force_from",
                        f"Version {other.cleaned_data.get('version')} is also ratified and in "
                        f"force from {other_start:%d %b %Y}: only one version can be in force "
                        "at a time. End one before the other starts.",
                    )
                    break
            else:
                ratified.append((form, start, end))


class TermsInline(ScopedTabularInline):
    model = TermsOfReference
    formset = TermsFormSet
    extra = 0
    fields = ["version", "status", "in_force_from", "in_force_to", "approved_on"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("board")


@admin.register(Board)
class BoardAdmin(ScopedAdmin):
    list_display = ["name", "kind", "system", "place", "chair_model", "status", "start_date"]
    list_filter = ["kind", "status", "chair_model", "system", "meets_in_public"]
    list_select_related = ["system", "place"]
    search_fields = ["name", "short_name", "slug"]
    autocomplete_fields = [
        "system",
        "place",
        "footprint",
        "cluster",
        "parent",
        "predecessors",
        "convening_organisations",
    ]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PostInline, TermsInline]


class SpreadsheetMixin(ExportActionMixin, ImportExportMixin):
    """Import and export as CSV or XLSX, within the user's systems: secretariat staff import,
    anyone with a role exports what they can see — the whole (filtered) list with the Export
    button, or the ticked rows with the "Export selected" action, in the same columns."""

    formats = [CSV, XLSX]
    show_change_form_export = False  # export from the list, not from each record's page

    def get_valid_export_item_pks(self, request):
        # The rows an "Export selected" may name: those the user can see. (The export's
        # queryset is scoped already; this makes another system's id a form error too.)
        return self.get_queryset(request).values_list("pk", flat=True)

    def get_resource_kwargs(self, request, *args, **kwargs):
        return {**kwargs, "user": request.user}

    def has_import_permission(self, request):
        return access.can(request.user, access.CHANGE)

    def has_export_permission(self, request):
        return access.can(request.user, access.VIEW)


@admin.register(Person)
class PersonAdmin(SpreadsheetMixin, ScopedAdmin):
    resource_classes = [PersonResource]
    list_display = ["name", "honorific", "is_published"]
    list_filter = ["is_published"]
    search_fields = ["name", "sort_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class MembershipInlineForm(ParentErrorsForm):
    parent_field = "post"


class MembershipFormSet(ParentCachedFormSet):
    """Checks the membership rules across the rows saved together: two new appointments to a
    one-place seat are an error on the form, not a database refusal half way through."""

    def clean(self):
        super().clean()
        saving = [
            form
            for form in self.forms
            if getattr(form, "cleaned_data", None)
            and not form.cleaned_data.get("DELETE")
            and form.has_changed()
            and not form.errors
        ]
        pending = [form.instance for form in saving]
        for form in saving:
            try:
                services.check_membership_rules(form.instance, pending=pending)
            except ValidationError as error:
                form.add_error(None, error)
                pending.remove(form.instance)


class MembershipInline(ScopedTabularInline):
    """A seat's appointments, editable in place."""

    model = Membership
    form = MembershipInlineForm
    formset = MembershipFormSet
    fk_name = "post"
    extra = 1
    fields = ["person", "on_behalf_of", "kind", "start_date", "end_date", "voting", "notes"]
    autocomplete_fields = ["person", "on_behalf_of"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "on_behalf_of")


@admin.register(Post)
class PostAdmin(ScopedAdmin):
    list_display = ["label", "board", "role", "places", "voting", "statutory", "phase"]
    list_filter = ["role", "voting", "statutory", "board__kind", "board__system"]
    list_select_related = ["board"]
    search_fields = ["label", "slug", "board__name"]
    autocomplete_fields = ["board", "nominating_organisation"]
    inlines = [MembershipInline]


class StateFilter(admin.SimpleListFilter):
    title = "state today"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("current", "Current"), ("ended", "Ended"), ("future", "Future")]

    def queryset(self, request, queryset):
        date = today()
        if self.value() == "current":
            return queryset.as_at(date)
        if self.value() == "ended":
            return queryset.ended_before(date)
        if self.value() == "future":
            return queryset.starting_after(date)
        return queryset


@admin.register(Membership)
class MembershipAdmin(SpreadsheetMixin, ScopedAdmin):
    resource_classes = [MembershipResource]
    list_display = [
        "person",
        "post_label",
        "board",
        "on_behalf_of",
        "kind",
        "start_date",
        "end_date",
        "is_voting",
        "state",
    ]
    list_filter = [
        StateFilter,
        "post__board__system",
        "post__board",
        "post__board__kind",
        "post__role",
        "on_behalf_of__sector",
        "kind",
    ]
    list_select_related = ["person", "post__board", "on_behalf_of"]
    search_fields = ["person__name", "post__label", "post__board__name", "on_behalf_of__name"]
    autocomplete_fields = ["person", "post", "on_behalf_of", "deputy_for"]
    date_hierarchy = "start_date"
    actions = ["end_selected", "reappoint_selected"]

    @admin.display(description="seat", ordering="post__label")
    def post_label(self, membership):
        return membership.post.label

    @admin.display(description="board", ordering="post__board__name")
    def board(self, membership):
        return membership.post.board

    @admin.display(description="voting", boolean=True)
    def is_voting(self, membership):
        return membership.is_voting

    @admin.display(description="state today")
    def state(self, membership):
        return membership.state_on(today())

    @admin.action(description="End the selected appointments on a date…", permissions=["change"])
    def end_selected(self, request, queryset):
        form = DateForm(request.POST if "apply" in request.POST else None)
        form.fields["date"].label = "Last day of the appointments"
        if form.is_bound and form.is_valid():
            date = form.cleaned_data["date"]
            self.run_all_or_nothing(
                request,
                queryset.select_related("person", "post__board"),
                lambda membership: services.end_membership(membership, date),
                f"Ended {{count}} appointment(s) on {date:%d %B %Y}.",
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "End appointments",
            "explanation": "These appointments will end on the date you give (inclusive). "
            "Ending is an edit: they stay on the record.",
            "objects": self.changeable(request, queryset).select_related("person", "post"),
            "form": form,
            "media": self.media + form.media,
            "action": "end_selected",
            "submit_label": "End appointments",
            "opts": self.opts,
        }
        return TemplateResponse(request, "admin/icsgov/action_date.html", context)

    @admin.action(
        description="Re-appoint: a new term from the day after each ends", permissions=["change"]
    )
    def reappoint_selected(self, request, queryset):
        self.run_all_or_nothing(
            request,
            queryset.select_related("person", "post__board"),
            services.reappoint,
            "Re-appointed {count} member(s) for a new term.",
        )


class ClauseInline(ScopedStackedInline):
    model = TermsClause
    extra = 0
    fields = ["order", "topic", "heading", "text"]


@admin.register(TermsOfReference)
class TermsOfReferenceAdmin(ScopedAdmin):
    list_display = ["board", "version", "status", "in_force_from", "in_force_to", "review_date"]
    list_filter = ["status", "board__system"]
    list_select_related = ["board"]
    search_fields = ["board__name", "version", "title"]
    autocomplete_fields = ["board", "approval_meeting", "based_on"]
    inlines = [ClauseInline]
    actions = ["copy_as_draft"]

    @admin.action(description="Copy into a new draft version", permissions=["change"])
    def copy_as_draft(self, request, queryset):
        self.run_all_or_nothing(
            request,
            queryset.select_related("board"),
            services.copy_terms_as_draft,
            "Made {count} new draft version(s) to edit.",
        )


@admin.register(Principle)
class PrincipleAdmin(ScopedAdmin):
    list_display = ["number", "title", "board"]
    list_filter = ["board"]
    list_select_related = ["board"]
    search_fields = ["title", "text"]
    autocomplete_fields = ["board"]


class AttendanceInline(ScopedTabularInline):
    """Attendance at a meeting; the appointment choices are the board's members as at the
    meeting date."""

    model = Attendance
    extra = 0
    autocomplete_fields = ["person", "deputy"]

    def get_formset(self, request, obj=None, **kwargs):
        self._meeting = obj
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        meeting = getattr(self, "_meeting", None)
        if db_field.name == "membership" and meeting is not None:
            members = Membership.objects.filter(post__board_id=meeting.board_id).as_at(meeting.date)
            kwargs["queryset"] = access.restrict(
                members.select_related("person", "post"), request.user, access.VIEW
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class DecisionInline(ScopedTabularInline):
    model = Decision
    extra = 0
    fields = ["order", "text"]


class PaperInline(ScopedTabularInline):
    model = MeetingPaper
    extra = 0
    fields = ["title", "url", "is_public"]


@admin.register(Meeting)
class MeetingAdmin(ScopedAdmin):
    list_display = ["title", "board", "date", "date_precision", "kind", "status", "is_public"]
    list_filter = ["status", "kind", "is_public", "board__system"]
    list_select_related = ["board"]
    search_fields = ["title", "board__name", "purpose"]
    autocomplete_fields = ["board", "host_organisation"]
    date_hierarchy = "date"
    inlines = [AttendanceInline, DecisionInline, PaperInline]


@admin.register(Agreement)
class AgreementAdmin(ScopedAdmin):
    list_display = ["name", "kind", "system", "overseen_by", "value_note", "status"]
    list_filter = ["kind", "status", "system"]
    list_select_related = ["system", "overseen_by"]
    search_fields = ["name", "slug"]
    autocomplete_fields = ["system", "overseen_by", "parties"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(TermsClause)
class TermsClauseAdmin(ScopedAdmin):
    list_display = ["terms", "order", "topic", "heading"]
    list_filter = ["topic"]
    list_select_related = ["terms__board"]
    search_fields = ["heading", "text", "terms__board__name"]
    autocomplete_fields = ["terms"]


@admin.register(MeetingPaper)
class MeetingPaperAdmin(ScopedAdmin):
    list_display = ["title", "meeting", "is_public"]
    list_filter = ["is_public"]
    list_select_related = ["meeting__board"]
    search_fields = ["title", "meeting__title"]
    autocomplete_fields = ["meeting"]


@admin.register(Attendance)
class AttendanceAdmin(ScopedAdmin):
    list_display = ["person", "meeting", "status", "deputy"]
    list_filter = ["status"]
    list_select_related = ["person", "meeting__board", "deputy"]
    search_fields = ["person__name", "meeting__title"]
    autocomplete_fields = ["meeting", "person", "membership", "deputy"]


@admin.register(Decision)
class DecisionAdmin(ScopedAdmin):
    list_display = ["meeting", "order", "text"]
    list_select_related = ["meeting__board"]
    search_fields = ["text", "meeting__title"]
    autocomplete_fields = ["meeting"]
