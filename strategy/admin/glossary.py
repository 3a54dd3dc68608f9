from django.contrib import admin

from icsgov.core.admin import ScopedAdmin
from strategy.models import GlossaryTerm


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(ScopedAdmin):
    list_display = ["term", "acronym", "system"]
    list_filter = ["system"]
    list_select_related = ["system"]
    search_fields = ["term", "acronym", "explanation"]
