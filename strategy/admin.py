from django.contrib import admin, messages

from icsgov.admin import ScopedAdmin, ScopedStackedInline, ScopedTabularInline
from strategy.choices import MilestoneStatus
from strategy.models import (
    Chapter,
    DevelopmentItem,
    GlossaryTerm,
    MaturityPeriod,
    MaturityStatement,
    MaturityTimeline,
    Milestone,
    Priority,
    Strategy,
)


class ChapterInline(ScopedStackedInline):
    model = Chapter
    extra = 0
    autocomplete_fields = ["place", "owner_board", "overseen_by"]


class PriorityInline(ScopedTabularInline):
    model = Priority
    extra = 0
    fields = ["order", "name", "status", "description"]


@admin.register(Strategy)
class StrategyAdmin(ScopedAdmin):
    list_display = ["name", "kind", "system", "status", "period_start", "period_end"]
    list_filter = ["kind", "status", "system"]
    list_select_related = ["system"]
    search_fields = ["name", "slug", "description"]
    autocomplete_fields = ["system", "place", "owner_board", "based_on"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ChapterInline, PriorityInline]


@admin.register(Chapter)
class ChapterAdmin(ScopedAdmin):
    list_display = ["number", "title", "strategy", "scope", "owner_board"]
    list_filter = ["scope", "strategy__system"]
    list_select_related = ["strategy", "owner_board"]
    search_fields = ["title", "strategy__name"]
    autocomplete_fields = ["strategy", "place", "owner_board", "overseen_by"]


@admin.register(Priority)
class PriorityAdmin(ScopedAdmin):
    list_display = ["order", "name", "strategy", "status"]
    list_filter = ["status", "strategy__system"]
    list_select_related = ["strategy"]
    search_fields = ["name", "strategy__name"]
    autocomplete_fields = ["strategy"]


@admin.register(Milestone)
class MilestoneAdmin(ScopedAdmin):
    list_display = ["title", "when", "scope", "system", "status", "cycle"]
    list_filter = ["scope", "status", "precision", "recurrence", "system", "cycle"]
    list_select_related = ["system"]
    search_fields = ["title", "description", "slug"]
    autocomplete_fields = [
        "system",
        "place",
        "strategy",
        "board",
        "meeting",
        "owner_board",
        "owner_organisation",
    ]
    date_hierarchy = "date"
    actions = ["mark_done"]

    @admin.action(description="Mark the selected milestones done", permissions=["change"])
    def mark_done(self, request, queryset):
        # A queryset update: the history triggers record each row all the same.
        count = self.changeable(request, queryset).update(status=MilestoneStatus.DONE)
        self.message_user(request, f"Marked {count} milestone(s) done.", messages.SUCCESS)


@admin.register(DevelopmentItem)
class DevelopmentItemAdmin(ScopedAdmin):
    list_display = ["area", "development_required", "board", "place", "due", "status"]
    list_filter = ["status", "place", "board"]
    list_select_related = ["board", "place"]
    search_fields = ["area", "development_required"]
    autocomplete_fields = ["board", "place"]


class PeriodInline(ScopedTabularInline):
    model = MaturityPeriod
    extra = 0


class StatementInline(ScopedTabularInline):
    model = MaturityStatement
    extra = 0
    fields = ["domain", "period", "order", "text"]


@admin.register(MaturityTimeline)
class MaturityTimelineAdmin(ScopedAdmin):
    list_display = ["subject", "system"]
    list_filter = ["system"]
    list_select_related = ["system"]
    search_fields = ["subject"]
    autocomplete_fields = ["system"]
    inlines = [PeriodInline, StatementInline]


@admin.register(MaturityPeriod)
class MaturityPeriodAdmin(ScopedAdmin):
    list_display = ["label", "timeline", "start_date", "end_date"]
    list_select_related = ["timeline__system"]
    search_fields = ["label", "timeline__subject"]


@admin.register(MaturityStatement)
class MaturityStatementAdmin(ScopedAdmin):
    list_display = ["domain", "period", "text", "timeline"]
    list_filter = ["timeline__system", "domain"]
    list_select_related = ["timeline__system", "period"]
    search_fields = ["domain", "text"]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(ScopedAdmin):
    list_display = ["term", "acronym", "system"]
    list_filter = ["system"]
    list_select_related = ["system"]
    search_fields = ["term", "acronym", "explanation"]
