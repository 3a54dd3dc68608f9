from django.contrib import admin

from icsgov.core.admin import ScopedAdmin, ScopedTabularInline
from strategy.models import DevelopmentItem, MaturityPeriod, MaturityStatement, MaturityTimeline


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
