from django.contrib import admin

from icsgov.core.admin import ScopedAdmin, ScopedStackedInline, ScopedTabularInline
from strategy.models import Chapter, Priority, Reconsideration, Strategy


class ChapterInline(ScopedStackedInline):
    model = Chapter
    extra = 0
    autocomplete_fields = ["place", "owner_board", "overseen_by"]


class PriorityInline(ScopedTabularInline):
    model = Priority
    extra = 0
    fields = ["order", "name", "status", "description"]


class ReconsiderationInline(ScopedTabularInline):
    """s116ZB(6): each time the partnership considered whether to revise the strategy."""

    model = Reconsideration
    extra = 0
    fields = ["considered_on", "considered_precision", "outcome", "notes"]


@admin.register(Strategy)
class StrategyAdmin(ScopedAdmin):
    list_display = ["name", "kind", "system", "status", "period_start", "period_end"]
    list_filter = ["kind", "status", "system"]
    list_select_related = ["system"]
    search_fields = ["name", "slug", "description"]
    autocomplete_fields = ["system", "place", "owner_board", "based_on"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ChapterInline, PriorityInline, ReconsiderationInline]


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
