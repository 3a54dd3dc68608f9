from django.contrib import admin

from icsgov.core.admin import ScopedAdmin
from places.models import System


@admin.register(System)
class SystemAdmin(ScopedAdmin):
    list_display = [
        "name",
        "short_name",
        "region",
        "population",
        "start_date",
        "end_date",
        "end_kind",
        "is_synthetic",
    ]
    list_filter = ["region", "end_kind", "is_synthetic"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["predecessors"]
