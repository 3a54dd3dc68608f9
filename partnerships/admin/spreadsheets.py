from import_export.admin import ExportActionMixin, ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX

from icsgov.core import scoping


class SpreadsheetMixin(ExportActionMixin, ImportExportMixin):
    """Import and export as CSV or XLSX, within the user's systems: secretariat staff import,
    anyone with a role exports what they can see — the whole (filtered) list with the Export
    button, or the ticked rows with the "Export selected" action, in the same columns."""

    formats = [CSV, XLSX]
    show_change_form_export = False  # export from the list, not from each record's page

    def get_valid_export_item_pks(self, request):
        # The rows an "Export selected" may name: those the user can see. (The export's
        # queryset is scoped already; this makes another system's id a form error too.)
        return self.get_queryset(request).values_list("pk", flat=True)

    def get_resource_kwargs(self, request, *args, **kwargs):
        return {**kwargs, "user": request.user}

    def has_import_permission(self, request):
        return scoping.can(request.user, scoping.CHANGE)

    def has_export_permission(self, request):
        return scoping.can(request.user, scoping.VIEW)
