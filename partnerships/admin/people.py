from django.contrib import admin

from icsgov.core.admin import ScopedAdmin
from partnerships.admin.spreadsheets import SpreadsheetMixin
from partnerships.models import Person
from partnerships.resources import PersonResource


@admin.register(Person)
class PersonAdmin(SpreadsheetMixin, ScopedAdmin):
    resource_classes = [PersonResource]
    list_display = ["name", "honorific", "is_published"]
    list_filter = ["is_published"]
    search_fields = ["name", "sort_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
