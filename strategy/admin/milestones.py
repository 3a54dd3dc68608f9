from django.contrib import admin, messages

from icsgov.core.admin import ScopedAdmin
from strategy.choices import MilestoneStatus
from strategy.models import Milestone


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
