from django import forms
from django.contrib import admin

from icsgov.core import scoping
from icsgov.core.admin import ParentCachedFormSet, ScopedAdmin, ScopedTabularInline
from icsgov.core.dates import today
from partnerships.choices import AttendanceStatus, MeetingStatus
from partnerships.models import (
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    MeetingCycle,
    MeetingDeclaration,
    MeetingPaper,
    Membership,
)
from partnerships.quorum import quoracy_of
from partnerships.rules import meetings as meeting_rules


class AttendanceForm(forms.ModelForm):
    def has_changed(self):
        # A row pre-filled from the body's members is saved as shown, even if not touched.
        prefilled = self.instance.pk is None and bool(self.initial.get("membership"))
        return prefilled or super().has_changed()


class AttendanceFormSet(ParentCachedFormSet):
    """Attendance rows; on a meeting with none yet, one row per member of the body as at the
    meeting date (``prefill``), each under the member's appointment, status present."""

    prefill = ()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", list(self.prefill))
        super().__init__(*args, **kwargs)


class AttendanceInline(ScopedTabularInline):
    """Attendance at a meeting; the appointment choices are the board's members as at the
    meeting date, and a meeting with no attendance yet starts with a row for each of them."""

    model = Attendance
    form = AttendanceForm
    formset = AttendanceFormSet
    extra = 0
    fields = ["person", "membership", "status", "deputy", "notes"]
    autocomplete_fields = ["person", "deputy"]
    radio_fields = {"status": admin.HORIZONTAL}

    def _members(self, meeting):
        return Membership.objects.filter(post__board_id=meeting.board_id).as_at(meeting.date)

    def get_formset(self, request, obj=None, **kwargs):
        self._meeting = obj
        prefill = []
        if obj is not None and not obj.attendance.exists():
            members = scoping.restrict(
                self._members(obj).counting().select_related("person", "post"),
                request.user,
                scoping.VIEW,
            ).order_by("post__order", "post__label", "person__sort_name", "person__name")
            # Nothing is invented: a meeting not yet held expects its members, and a held one
            # starts "not recorded" until the secretariat says who came.
            status = (
                AttendanceStatus.NOT_RECORDED
                if obj.status == MeetingStatus.HELD
                else AttendanceStatus.EXPECTED
            )
            prefill = [
                {"person": m.person_id, "membership": m.pk, "status": status} for m in members
            ]
            kwargs["extra"] = len(prefill)
        formset = super().get_formset(request, obj, **kwargs)
        formset.prefill = prefill
        return formset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        meeting = getattr(self, "_meeting", None)
        if db_field.name == "membership" and meeting is not None:
            members = self._members(meeting)
            kwargs["queryset"] = scoping.restrict(
                members.select_related("person", "post"), request.user, scoping.VIEW
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class OfThisMeetingMixin:
    """The agenda-item choices of a meeting's rows are that meeting's items."""

    def get_formset(self, request, obj=None, **kwargs):
        self._meeting = obj
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "agenda_item":
            meeting = getattr(self, "_meeting", None)
            kwargs["queryset"] = AgendaItem.objects.filter(
                meeting_id=meeting.pk if meeting else None
            ).order_by("order")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class DecisionForm(forms.ModelForm):
    """A decision's form (its own page, and its row on the meeting's page): the named people who
    took it are checked by the rule the API applies (partnerships.rules.meetings
    .check_decided_by) — a many-to-many value is not on the record until saved, so the form
    checks the people chosen."""

    def clean(self):
        data = super().clean()
        if "decided_by" in data:
            meeting = data.get("meeting")
            if meeting is None:
                try:
                    meeting = self.instance.meeting  # the meeting's row: its (cached) parent
                except Meeting.DoesNotExist:
                    meeting = None
            for field, message in meeting_rules.decided_by_errors(
                meeting, data["decided_by"]
            ).items():
                self.add_error(field, message)
        return data


class AgendaItemInline(ScopedTabularInline):
    model = AgendaItem
    extra = 0
    fields = ["order", "number", "title", "is_exempt", "exemption_reason"]


class DecisionInline(OfThisMeetingMixin, ScopedTabularInline):
    """Decisions, and recommendations (no outcome) until a decision records one."""

    model = Decision
    form = DecisionForm
    extra = 0
    fields = [
        "order",
        "agenda_item",
        "text",
        "outcome",
        "is_key_decision",
        "decided_on",
        "published_on",
        "decided_by",
    ]
    autocomplete_fields = ["decided_by"]


class PaperInline(OfThisMeetingMixin, ScopedTabularInline):
    model = MeetingPaper
    extra = 0
    fields = ["title", "kind", "agenda_item", "url", "file", "is_public", "published_on"]


class DeclarationInline(OfThisMeetingMixin, ScopedTabularInline):
    """Interests declared at the meeting, each against one of its agenda items (or the item as
    the minutes number it), with what the member did."""

    model = MeetingDeclaration
    extra = 0
    fields = [
        "person",
        "agenda_item",
        "item_reference",
        "interest",
        "description",
        "action",
        "is_published",
    ]
    autocomplete_fields = ["person", "interest"]


class AttendanceRecordedFilter(admin.SimpleListFilter):
    title = "attendance"
    parameter_name = "attendance"

    def lookups(self, request, model_admin):
        return [("missing", "Held, attendance not recorded")]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.without_attendance(today())
        return queryset


@admin.register(Meeting)
class MeetingAdmin(ScopedAdmin):
    list_display = ["title", "board", "date", "kind", "status", "is_public", "quoracy"]
    list_filter = [AttendanceRecordedFilter, "status", "kind", "is_public", "board__system"]
    list_select_related = ["board"]
    search_fields = ["title", "board__name", "purpose"]
    autocomplete_fields = ["board", "host_organisation"]
    date_hierarchy = "date"
    readonly_fields = ["quoracy"]
    inlines = [AttendanceInline, AgendaItemInline, PaperInline, DecisionInline, DeclarationInline]

    def get_changelist_instance(self, request):
        # One computation for the page's meetings (partnerships.quorum), not one per row.
        changelist = super().get_changelist_instance(request)
        answers = quoracy_of(changelist.result_list)
        for meeting in changelist.result_list:
            meeting._quoracy = answers.get(meeting.pk)
        return changelist

    @admin.display(description="quoracy")
    def quoracy(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        answer = obj._quoracy if hasattr(obj, "_quoracy") else quoracy_of([obj])[obj.pk]
        return str(answer) if answer else "Not held"


@admin.register(MeetingPaper)
class MeetingPaperAdmin(ScopedAdmin):
    list_display = ["title", "meeting", "kind", "is_public", "published_on"]
    list_filter = ["kind", "is_public"]
    list_select_related = ["meeting__board"]
    search_fields = ["title", "meeting__title"]
    autocomplete_fields = ["meeting", "agenda_item"]


@admin.register(Attendance)
class AttendanceAdmin(ScopedAdmin):
    list_display = ["person", "meeting", "status", "deputy"]
    list_filter = ["status"]
    list_select_related = ["person", "meeting__board", "deputy"]
    search_fields = ["person__name", "meeting__title"]
    autocomplete_fields = ["meeting", "person", "membership", "deputy"]


@admin.register(Decision)
class DecisionAdmin(ScopedAdmin):
    form = DecisionForm
    list_display = ["meeting", "order", "text", "outcome", "is_key_decision", "decided_on"]
    list_filter = ["outcome", "is_key_decision"]
    list_select_related = ["meeting__board"]
    search_fields = ["text", "meeting__title"]
    autocomplete_fields = ["meeting", "agenda_item", "decided_by"]


@admin.register(AgendaItem)
class AgendaItemAdmin(ScopedAdmin):
    list_display = ["title", "meeting", "order", "is_exempt"]
    list_filter = ["is_exempt"]
    list_select_related = ["meeting__board"]
    search_fields = ["title", "meeting__title"]
    autocomplete_fields = ["meeting"]


@admin.register(MeetingCycle)
class MeetingCycleAdmin(ScopedAdmin):
    list_display = ["board", "description", "first_month", "last_month"]
    list_select_related = ["board"]
    search_fields = ["description", "board__name"]
    autocomplete_fields = ["board"]
