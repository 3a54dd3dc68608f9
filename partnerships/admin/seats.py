from django.contrib import admin

from icsgov.core.admin import ParentCachedFormSet, ScopedAdmin, ScopedTabularInline
from icsgov.core.dates import today
from partnerships.admin.appointments import MembershipInline
from partnerships.models import Post


class PostInline(ScopedTabularInline):
    """A board's seats, each with its places filled as at today (one query for all seats)."""

    model = Post
    formset = ParentCachedFormSet
    extra = 0
    fields = [
        "label",
        "role",
        "places",
        "filled_today",
        "voting",
        "statutory",
        "phase",
        "start_date",
        "end_date",
    ]
    readonly_fields = ["filled_today"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts(today(), request.user)

    @admin.display(description="filled today")
    def filled_today(self, post):
        if post.pk is None:
            return "—"
        filled = getattr(post, "filled", None)
        if filled is None:
            filled = post.filled_on(today())
        return f"{filled}/{post.places if post.places is not None else 'no limit'}"


@admin.register(Post)
class PostAdmin(ScopedAdmin):
    list_display = ["label", "board", "role", "places", "voting", "statutory", "phase"]
    list_filter = ["role", "voting", "statutory", "board__kind", "board__system"]
    list_select_related = ["board"]
    search_fields = ["label", "slug", "board__name"]
    autocomplete_fields = ["board", "nominating_organisation"]
    inlines = [MembershipInline]
