from django.contrib import admin

from icsgov.core.admin import ParentCachedFormSet, ScopedAdmin, ScopedTabularInline
from icsgov.core.dates import format_date
from icsgov.core.periods import overlaps
from partnerships.models import Organisation, OrganisationIdentifier


def _period(start, end):
    since = f"from {format_date(start)}" if start else "from the beginning"
    return f"{since} to {format_date(end)}" if end else f"{since}, open-ended"


class IdentifierFormSet(ParentCachedFormSet):
    """Codes added or changed together are checked against each other, as the database's
    exclusion constraints would (a code held twice at once; two codes of one scheme for the
    organisation at once): a form error on the row, not a refusal half way through the save.
    Each row's own validation checks it against other organisations' saved codes, leaving out
    this organisation's (they are all rows here, with their submitted dates)."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.checked_together = frozenset(
            saved.pk for saved in self.get_queryset() if saved.pk
        )
        return form

    def clean(self):
        super().clean()
        kept = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or form.errors:
                continue
            scheme, value = data.get("scheme"), data.get("code")
            start, end = data.get("valid_from"), data.get("valid_to")
            for other in kept:
                if other["scheme"] != scheme or not overlaps(
                    start, end, other["valid_from"], other["valid_to"]
                ):
                    continue
                period = _period(other["valid_from"], other["valid_to"])
                if other["code"] == value:
                    form.add_error(
                        "code", f"{value} is entered twice for overlapping periods ({period})."
                    )
                else:
                    form.add_error(
                        "valid_from",
                        f"{other['code']} is this organisation's {scheme.upper()} code "
                        f"{period}: one code per scheme at a time. End it the day before this "
                        "one applies.",
                    )
                break
            else:
                kept.append(data)


class IdentifierInline(ScopedTabularInline):
    model = OrganisationIdentifier
    formset = IdentifierFormSet
    extra = 0
    fields = ["scheme", "code", "valid_from", "valid_to", "source_note"]


@admin.register(Organisation)
class OrganisationAdmin(ScopedAdmin):
    list_display = ["name", "short_name", "sector", "kind", "system", "is_published"]
    list_filter = ["sector", "kind", "system", "is_published"]
    list_select_related = ["system"]
    search_fields = ["name", "short_name", "slug", "identifiers__code"]
    autocomplete_fields = ["system", "predecessors"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [IdentifierInline]


@admin.register(OrganisationIdentifier)
class OrganisationIdentifierAdmin(ScopedAdmin):
    list_display = ["code", "scheme", "organisation", "valid_from", "valid_to"]
    list_filter = ["scheme"]
    list_select_related = ["organisation"]
    search_fields = ["code", "organisation__name"]
    autocomplete_fields = ["organisation"]
