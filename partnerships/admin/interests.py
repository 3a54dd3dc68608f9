"""The registers of interests, gifts and hospitality in the admin: the declaration form a
member's secretariat fills, and the lists they keep (filtered by system, body, category, and
declarations whose review is overdue)."""

from django.contrib import admin

from icsgov.core.admin import ScopedAdmin
from icsgov.core.dates import today
from partnerships.models import GiftOrHospitality, Interest, MeetingDeclaration


class ReviewOverdueFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", "Review overdue (a serving member's latest declaration)")]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.review_overdue(today())
        return queryset


@admin.register(Interest)
class InterestAdmin(ScopedAdmin):
    list_display = [
        "person",
        "board",
        "what",
        "related_to",
        "declared_on",
        "review_due_on",
        "is_published",
        "is_withheld",
    ]
    list_filter = [
        ReviewOverdueFilter,
        "membership__post__board__system",
        "membership__post__board",
        "category",
        "interest_type",
        "is_nil_return",
        "is_published",
        "is_withheld",
    ]
    list_select_related = ["person", "membership__post__board", "organisation"]
    search_fields = ["person__name", "description", "organisation_name", "organisation__name"]
    autocomplete_fields = ["person", "membership", "organisation"]
    date_hierarchy = "declared_on"
    fieldsets = [
        ("Who declares, to which body", {"fields": ["person", "membership", "occasion"]}),
        (
            "The interest",
            {
                "description": "Tick 'nil return' for a member declaring no interests, and leave "
                "the rest of this section blank.",
                "fields": [
                    "is_nil_return",
                    "category",
                    "interest_type",
                    "description",
                    "organisation",
                    "organisation_name",
                    ("interest_from", "from_precision"),
                    ("interest_to", "to_precision"),
                    "action_taken",
                ],
            },
        ),
        ("Declaration and review", {"fields": ["declared_on", "review_by"]}),
        (
            "Publication",
            {
                "description": "A withheld entry is counted in the published register with its "
                "reason, never shown.",
                "fields": ["is_published", "is_withheld", "withheld_reason", "withheld_note"],
            },
        ),
        ("Source", {"fields": ["source", "source_section", "confirmed_on"]}),
    ]

    @admin.display(description="body", ordering="membership__post__board__name")
    def board(self, obj):
        return obj.membership.post.board

    @admin.display(description="interest")
    def what(self, obj):
        return "Nil return" if obj.is_nil_return else obj.get_interest_type_display()

    @admin.display(description="organisation")
    def related_to(self, obj):
        return obj.related_to

    @admin.display(description="review due")
    def review_due_on(self, obj):
        return obj.review_due_on


@admin.register(GiftOrHospitality)
class GiftOrHospitalityAdmin(ScopedAdmin):
    list_display = [
        "person",
        "kind",
        "outcome",
        "giver",
        "is_from_supplier",
        "value_gbp",
        "date",
        "approved_by",
        "is_published",
    ]
    list_filter = [
        "membership__post__board__system",
        "membership__post__board",
        "kind",
        "outcome",
        "is_from_supplier",
        "is_published",
    ]
    list_select_related = ["person", "giver_organisation"]
    search_fields = ["person__name", "description", "giver_name", "giver_organisation__name"]
    autocomplete_fields = ["person", "membership", "giver_organisation"]
    date_hierarchy = "date"

    @admin.display(description="from")
    def giver(self, obj):
        return obj.giver


@admin.register(MeetingDeclaration)
class MeetingDeclarationAdmin(ScopedAdmin):
    list_display = ["person", "meeting", "item", "action", "is_published"]
    list_filter = ["meeting__board__system", "action", "is_published"]
    list_select_related = ["person", "meeting__board"]
    search_fields = ["person__name", "meeting__title", "description"]
    autocomplete_fields = ["meeting", "person", "interest"]
