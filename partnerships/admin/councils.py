from django.contrib import admin

from icsgov.core.admin import ScopedAdmin
from partnerships.models import CouncilArea


@admin.register(CouncilArea)
class CouncilAreaAdmin(ScopedAdmin):
    list_display = [
        "organisation",
        "system",
        "valid_from",
        "valid_to",
        "share_of_area",
        "split",
        "status",
    ]
    list_filter = ["status", "split", "system"]
    list_select_related = ["organisation", "system"]
    search_fields = ["organisation__name", "organisation__identifiers__code", "system__name"]
    autocomplete_fields = ["organisation", "system", "candidates"]
    date_hierarchy = "valid_from"
