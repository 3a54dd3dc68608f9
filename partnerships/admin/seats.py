from django.contrib import admin
from django.db.models import F

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


class VacancyFilter(admin.SimpleListFilter):
    """Seats by their places today: vacant (a body whose membership is kept here), holder not
    recorded (a body known from papers), or all filled (partnerships.rules.seats)."""

    title = "places today"
    parameter_name = "vacancy"

    def lookups(self, request, model_admin):
        return [
            ("vacant", "With vacancies"),
            ("not_recorded", "With holders not recorded"),
            ("filled", "All places filled"),
        ]

    def queryset(self, request, queryset):
        date = today()
        if self.value() == "vacant":
            return queryset.with_vacancies(date, request.user)
        if self.value() == "not_recorded":
            return queryset.holder_not_recorded(date, request.user)
        if self.value() == "filled":
            return queryset.as_at(date).filter(places__isnull=False, filled__gte=F("places"))
        return queryset


@admin.register(Post)
class PostAdmin(ScopedAdmin):
    list_display = [
        "label",
        "board",
        "role",
        "places",
        "filled_today",
        "vacant_today",
        "voting",
        "statutory",
        "start_date",
        "end_date",
    ]
    list_filter = [
        VacancyFilter,
        "role",
        "office",
        "voting",
        "statutory",
        "board__kind",
        "board__system",
    ]
    list_select_related = ["board"]
    search_fields = ["label", "slug", "board__name"]
    autocomplete_fields = ["board", "nominating_organisation"]
    inlines = [MembershipInline]

    def get_queryset(self, request):
        # Filled and vacant places today, for every row in the list's one query.
        return super().get_queryset(request).with_counts(today(), request.user)

    @admin.display(description="filled today", ordering="filled")
    def filled_today(self, post):
        return post.filled

    @admin.display(description="vacant today")
    def vacant_today(self, post):
        if post.vacancies is not None:
            return post.vacancies
        if post.not_recorded:
            return f"{post.not_recorded} holder(s) not recorded"
        return "–" if post.places is None else 0
