from django.conf import settings
from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from icsgov.core.admin import (
    DateForm,
    ParentCachedFormSet,
    ParentErrorsForm,
    ScopedAdmin,
    ScopedTabularInline,
)
from icsgov.core.dates import today
from partnerships import services
from partnerships.admin.spreadsheets import SpreadsheetMixin
from partnerships.models import Membership
from partnerships.resources import MembershipResource
from partnerships.rules import appointments as appointment_rules


class MembershipInlineForm(ParentErrorsForm):
    parent_field = "post"


class MembershipFormSet(ParentCachedFormSet):
    """Checks the membership rules across the rows saved together: ending the holder and
    appointing the successor in one save works; two new appointments to a one-place seat (or
    two new chairs) are an error on the later row, not a database refusal half way through."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        # Every appointment of the seat is a row here: each row's own check leaves their stored
        # dates out, and clean() checks the rows against each other with their submitted ones.
        form.instance.checked_together = self._saved_ids
        return form

    @property
    def _saved_ids(self):
        if not hasattr(self, "_saved_ids_cache"):
            self._saved_ids_cache = frozenset(m.pk for m in self.get_queryset() if m.pk)
        return self._saved_ids_cache

    def _saving(self):
        return [
            form
            for form in self.forms
            if getattr(form, "cleaned_data", None)
            and not form.cleaned_data.get("DELETE")
            and form.has_changed()
            and not form.errors
        ]

    def clean(self):
        super().clean()
        saving = self._saving()
        errors = appointment_rules.check_together([form.instance for form in saving])
        for form, error in zip(saving, errors, strict=True):
            if error is not None:
                form.add_error(None, error)

    def save(self, commit=True):
        if not commit:
            return super().save(commit)
        # Checked again together under the seat's lock, then saved without each row holding
        # the others' stored dates against it.
        return appointment_rules.save_together(
            [form.instance for form in self._saving()],
            lambda: super(MembershipFormSet, self).save(),
        )


class MembershipInline(ScopedTabularInline):
    """A seat's appointments, editable in place."""

    model = Membership
    form = MembershipInlineForm
    formset = MembershipFormSet
    fk_name = "post"
    extra = 1
    fields = ["person", "on_behalf_of", "kind", "start_date", "end_date", "voting", "notes"]
    autocomplete_fields = ["person", "on_behalf_of"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "on_behalf_of")


class StateFilter(admin.SimpleListFilter):
    title = "state today"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("current", "Current"),
            ("ending", f"Ending in the next {settings.ICSGOV_TERMS_ENDING_DAYS} days"),
            ("ended", "Ended"),
            ("future", "Future"),
        ]

    def queryset(self, request, queryset):
        date = today()
        if self.value() == "ending":
            return queryset.ending_within(date, settings.ICSGOV_TERMS_ENDING_DAYS)
        if self.value() == "current":
            return queryset.as_at(date)
        if self.value() == "ended":
            return queryset.ended_before(date)
        if self.value() == "future":
            return queryset.starting_after(date)
        return queryset


@admin.register(Membership)
class MembershipAdmin(SpreadsheetMixin, ScopedAdmin):
    resource_classes = [MembershipResource]
    list_display = [
        "person",
        "post_label",
        "board",
        "on_behalf_of",
        "kind",
        "start_date",
        "end_date",
        "is_voting",
        "state",
    ]
    list_filter = [
        StateFilter,
        "post__board__system",
        "post__board",
        "post__board__kind",
        "post__role",
        "on_behalf_of__sector",
        "kind",
    ]
    list_select_related = ["person", "post__board", "on_behalf_of"]
    search_fields = ["person__name", "post__label", "post__board__name", "on_behalf_of__name"]
    autocomplete_fields = ["person", "post", "on_behalf_of", "deputy_for"]
    date_hierarchy = "start_date"
    actions = ["end_selected", "reappoint_selected"]

    @admin.display(description="seat", ordering="post__label")
    def post_label(self, membership):
        return membership.post.label

    @admin.display(description="body", ordering="post__board__name")
    def board(self, membership):
        return membership.post.board

    @admin.display(description="voting", boolean=True)
    def is_voting(self, membership):
        return membership.is_voting

    @admin.display(description="state today")
    def state(self, membership):
        return membership.state_on(today())

    def get_list_display(self, request):
        # The declaration form a member's secretariat fills, opened for the member's
        # appointment (the register is per appointment: partnerships.models.Interest).
        shown = list(super().get_list_display(request))
        if request.user.has_perm("partnerships.add_interest"):
            shown.append("declare")
        return shown

    @admin.display(description="declarations of interest")
    def declare(self, membership):
        url = reverse("admin:partnerships_interest_add")
        return format_html(
            '<a href="{}?person={}&amp;membership={}">Record a declaration</a>',
            url,
            membership.person_id,
            membership.pk,
        )

    @admin.action(description="End the selected appointments on a date…", permissions=["change"])
    def end_selected(self, request, queryset):
        form = DateForm(request.POST if "apply" in request.POST else None)
        form.fields["date"].label = "Last day of the appointments"
        if form.is_bound and form.is_valid():
            date = form.cleaned_data["date"]
            self.run_all_or_nothing(
                request,
                queryset.select_related("person", "post__board"),
                lambda membership: services.end_membership(membership, date),
                f"Ended {{count}} appointment(s) on {date:%d %B %Y}.",
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "End appointments",
            "explanation": "These appointments will end on the date you give (inclusive). "
            "Ending is an edit: they stay on the record.",
            "objects": self.changeable(request, queryset).select_related("person", "post"),
            "form": form,
            "media": self.media + form.media,
            "action": "end_selected",
            "submit_label": "End appointments",
            "opts": self.opts,
        }
        return TemplateResponse(request, "admin/core/action_date.html", context)

    @admin.action(
        description="Re-appoint: a new term from the day after each ends", permissions=["change"]
    )
    def reappoint_selected(self, request, queryset):
        self.run_all_or_nothing(
            request,
            queryset.select_related("person", "post__board"),
            services.reappoint,
            "Re-appointed {count} member(s) for a new term.",
        )
