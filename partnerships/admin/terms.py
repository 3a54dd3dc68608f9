from django import forms
from django.contrib import admin

from icsgov.core.admin import (
    ParentCachedFormSet,
    ScopedAdmin,
    ScopedStackedInline,
    ScopedTabularInline,
)
from icsgov.core.dates import today
from partnerships import services
from partnerships.models import Principle, TermsClause, TermsOfReference
from partnerships.rules import terms as terms_rules


class TermsFormSet(ParentCachedFormSet):
    """Two ratified versions added or changed together must not be in force at once (the
    database would refuse the second; say so on the form instead). Every version of the board
    is a row here, so the rows are checked against each other with their submitted dates, and
    each row's own check leaves the others' saved (about to change) dates out: ending the old
    version and adding the next in one save works."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.checked_together = self._saved_ids
        return form

    @property
    def _saved_ids(self):
        if not hasattr(self, "_saved_ids_cache"):
            self._saved_ids_cache = frozenset(
                form_instance.pk for form_instance in self.get_queryset() if form_instance.pk
            )
        return self._saved_ids_cache

    def clean(self):
        super().clean()
        rows = [
            (
                form,
                form.cleaned_data.get("version"),
                form.cleaned_data.get("status"),
                form.cleaned_data.get("in_force_from"),
                form.cleaned_data.get("in_force_to"),
            )
            for form in self.forms
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        ]
        for form, message in terms_rules.clashes_among(rows):
            form.add_error("in_force_from", message)


class TermsInline(ScopedTabularInline):
    model = TermsOfReference
    formset = TermsFormSet
    extra = 0
    fields = ["version", "status", "in_force_from", "in_force_to", "approved_on"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("board")


class ClauseInline(ScopedStackedInline):
    model = TermsClause
    extra = 0
    fields = ["order", "topic", "heading", "text"]


class ReviewFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", "In force, past its review date")]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.review_overdue(today())
        return queryset


@admin.register(TermsOfReference)
class TermsOfReferenceAdmin(ScopedAdmin):
    list_display = ["board", "version", "status", "in_force_from", "in_force_to", "review_date"]
    list_filter = [ReviewFilter, "status", "board__system"]
    list_select_related = ["board"]
    search_fields = ["board__name", "version", "title"]
    autocomplete_fields = ["board", "approval_meeting", "based_on"]
    inlines = [ClauseInline]
    actions = ["copy_as_draft"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # The quorum's required sectors and kinds of organisation: ticked from the lists.
        if db_field.name in ("quorum_sectors", "quorum_organisation_kinds"):
            return forms.TypedMultipleChoiceField(
                choices=db_field.base_field.choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                label=db_field.verbose_name.capitalize(),
                help_text=db_field.help_text,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.action(description="Copy into a new draft version", permissions=["change"])
    def copy_as_draft(self, request, queryset):
        self.run_all_or_nothing(
            request,
            queryset.select_related("board"),
            services.copy_terms_as_draft,
            "Made {count} new draft version(s) to edit.",
        )


@admin.register(Principle)
class PrincipleAdmin(ScopedAdmin):
    list_display = ["number", "title", "board"]
    list_filter = ["board"]
    list_select_related = ["board"]
    search_fields = ["title", "text"]
    autocomplete_fields = ["board"]


@admin.register(TermsClause)
class TermsClauseAdmin(ScopedAdmin):
    list_display = ["terms", "order", "topic", "heading"]
    list_filter = ["topic"]
    list_select_related = ["terms__board"]
    search_fields = ["heading", "text", "terms__board__name"]
    autocomplete_fields = ["terms"]
