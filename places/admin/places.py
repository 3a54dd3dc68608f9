from django.contrib import admin

from icsgov.core.admin import ScopedAdmin, ScopedTabularInline
from places.models import Area, Cluster, Footprint, Place


class AreaInline(ScopedTabularInline):
    model = Area
    extra = 0
    fields = ["name", "slug", "population", "population_note"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Place)
class PlaceAdmin(ScopedAdmin):
    list_display = ["name", "system", "population"]
    list_filter = ["system"]
    list_select_related = ["system"]
    search_fields = ["name", "slug"]
    autocomplete_fields = ["system"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AreaInline]


@admin.register(Area)
class AreaAdmin(ScopedAdmin):
    list_display = ["name", "place", "population"]
    list_filter = ["place__system", "place"]
    list_select_related = ["place"]
    search_fields = ["name", "slug", "place__name"]
    autocomplete_fields = ["place"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Cluster)
class ClusterAdmin(ScopedAdmin):
    list_display = ["name", "number", "area", "place", "population"]
    list_filter = ["place__system", "place", "area"]
    list_select_related = ["place", "area"]
    search_fields = ["name", "slug", "place__name", "area__name"]
    autocomplete_fields = ["place", "area"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Footprint)
class FootprintAdmin(ScopedAdmin):
    list_display = ["name", "system", "population"]
    list_filter = ["system"]
    list_select_related = ["system"]
    search_fields = ["name", "slug"]
    autocomplete_fields = ["system", "places", "areas", "clusters"]
    prepopulated_fields = {"slug": ["name"]}
