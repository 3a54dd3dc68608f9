from django.contrib import admin

from icsgov.core.admin import ScopedAdmin
from partnerships.admin.seats import PostInline
from partnerships.admin.terms import TermsInline
from partnerships.models import Board


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
