from django.contrib import admin

from icsgov.core.admin import ScopedAdmin
from places.models import System


@admin.register(System)
class SystemAdmin(ScopedAdmin):
    list_display = ["name", "short_name", "population", "start_date", "end_date", "is_synthetic"]
    list_filter = ["is_synthetic"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["predecessors"]
