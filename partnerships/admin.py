from django.contrib import admin

from icsgov.admin import ScopedAdmin, ScopedStackedInline, ScopedTabularInline
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


class IdentifierInline(ScopedTabularInline):
    model = OrganisationIdentifier
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


class PostInline(ScopedTabularInline):
    model = Post
    extra = 0
    fields = ["label", "role", "places", "voting", "statutory", "phase", "start_date", "end_date"]
    show_change_link = True


class TermsInline(ScopedTabularInline):
    model = TermsOfReference
    extra = 0
    fields = ["version", "status", "in_force_from", "in_force_to", "approved_on"]
    show_change_link = True


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


@admin.register(Person)
class PersonAdmin(ScopedAdmin):
    list_display = ["name", "honorific", "is_published"]
    list_filter = ["is_published"]
    search_fields = ["name", "sort_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Post)
class PostAdmin(ScopedAdmin):
    list_display = ["label", "board", "role", "places", "voting", "statutory", "phase"]
    list_filter = ["role", "voting", "statutory", "board__kind", "board__system"]
    list_select_related = ["board"]
    search_fields = ["label", "slug", "board__name"]
    autocomplete_fields = ["board", "nominating_organisation"]


@admin.register(Membership)
class MembershipAdmin(ScopedAdmin):
    list_display = ["person", "post", "on_behalf_of", "kind", "start_date", "end_date"]
    list_filter = ["kind", "post__role", "post__board__system", "post__board__kind"]
    list_select_related = ["person", "post__board", "on_behalf_of"]
    search_fields = ["person__name", "post__label", "post__board__name", "on_behalf_of__name"]
    autocomplete_fields = ["person", "post", "on_behalf_of", "deputy_for"]
    date_hierarchy = "start_date"


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


@admin.register(Principle)
class PrincipleAdmin(ScopedAdmin):
    list_display = ["number", "title", "board"]
    list_filter = ["board"]
    list_select_related = ["board"]
    search_fields = ["title", "text"]
    autocomplete_fields = ["board"]


class AttendanceInline(ScopedTabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["person", "membership", "deputy"]


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
