import csv
import io

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path
from django.utils.text import slugify
from import_export.admin import ExportActionMixin, ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX

from icsgov.core import scoping
from icsgov.core.dates import today


class SpreadsheetMixin(ExportActionMixin, ImportExportMixin):
    """Import and export as CSV or XLSX, within the user's systems: secretariat staff import,
    anyone with a role exports what they can see — the whole (filtered) list with the Export
    button, or the ticked rows with the "Export selected" action, in the same columns. The
    import page offers a template file (the columns an import reads) and its preview lists
    every row's errors in full."""

    formats = [CSV, XLSX]
    show_change_form_export = False  # export from the list, not from each record's page
    import_template_name = "admin/spreadsheets/import.html"
    import_error_display = ("message", "row")

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

    def get_export_filename(self, request, queryset, file_format):
        # "appointments-2024-04-01.csv": what the file holds and when it was taken.
        name = slugify(self.model._meta.verbose_name_plural)
        return f"{name}-{today().isoformat()}.{file_format.get_extension()}"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "import/template/",
                self.admin_site.admin_view(self.import_template_file),
                name="{}_{}_import_template".format(*info),
            ),
            *super().get_urls(),
        ]

    def template_headers(self, request):
        """The columns an import reads (and the import-only ones), in export order."""
        resource = self.get_import_resource_classes(request)[0](user=request.user)
        return [
            field.column_name
            for field in resource.get_export_fields()
            if not (field.readonly and field.attribute)  # shown for reading, ignored on import
        ]

    def import_template_file(self, request):
        """A CSV with the import's columns and no rows, to fill in and import."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        out = io.StringIO()
        csv.writer(out).writerow(self.template_headers(request))
        name = slugify(self.model._meta.verbose_name_plural)
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}-import-template.csv"'
        return response
