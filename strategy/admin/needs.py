from django.contrib import admin

from icsgov.core.admin import ScopedAdmin
from strategy.models import NeedsAssessment, Reconsideration


@admin.register(NeedsAssessment)
class NeedsAssessmentAdmin(ScopedAdmin):
    list_display = ["title", "council", "system", "published_on", "received_on", "is_published"]
    list_filter = ["system", "is_published"]
    list_select_related = ["system", "council"]
    search_fields = ["title", "council__name"]
    autocomplete_fields = ["system", "council", "health_and_wellbeing_board"]
    date_hierarchy = "received_on"


@admin.register(Reconsideration)
class ReconsiderationAdmin(ScopedAdmin):
    list_display = ["strategy", "considered_on", "outcome"]
    list_filter = ["outcome", "strategy__system"]
    list_select_related = ["strategy"]
    search_fields = ["strategy__name", "notes"]
    autocomplete_fields = ["strategy"]
