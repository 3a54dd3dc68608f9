from django.contrib import admin

from icsgov.core.admin import ScopedAdmin
from partnerships.models import Agreement


@admin.register(Agreement)
class AgreementAdmin(ScopedAdmin):
    list_display = ["name", "kind", "system", "overseen_by", "value_note", "status"]
    list_filter = ["kind", "status", "system"]
    list_select_related = ["system", "overseen_by"]
    search_fields = ["name", "slug"]
    autocomplete_fields = ["system", "overseen_by", "parties"]
    prepopulated_fields = {"slug": ["name"]}
