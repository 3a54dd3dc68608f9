"""Spreadsheet import and export through the admin, as a user does them: upload a file (the dry
run), confirm it, export a list or the ticked rows, and read the file back."""

import io

import tablib
from django.core.files.uploadedfile import SimpleUploadedFile

MEMBERSHIPS = "/admin/partnerships/membership/"
PEOPLE = "/admin/partnerships/person/"
CSV, XLSX = "0", "1"  # positions in the admin's format list


def upload(client, base, content, name="file.csv", fmt=CSV):
    """The first step: upload and dry run. Returns the response showing the preview."""
    return client.post(
        f"{base}import/",
        {"format": fmt, "resource": "0", "import_file": SimpleUploadedFile(name, content)},
    )


def confirm(client, base, preview):
    form = preview.context["confirm_form"]
    return client.post(f"{base}process_import/", {k: v for k, v in form.initial.items()})


def export(client, base, fmt=CSV):
    page = client.get(f"{base}export/")
    form = page.context["form"]
    data = {"format": fmt, "resource": "0"}
    for name, field in form.fields.items():
        if name not in data and field.__class__.__name__ == "BooleanField":
            data[name] = "on"
    response = client.post(f"{base}export/", data)
    assert response.status_code == 200, response.content[:500]
    return response.content


def export_selected(client, base, pks, fmt=CSV):
    """Tick ``pks`` in the list, choose "Export selected", then the format on the page that
    follows. Returns the last response (the file, or the page when the export was refused)."""
    page = client.post(
        base,
        {"action": "export_admin_action", "_selected_action": [str(pk) for pk in pks]},
    )
    assert page.status_code == 200, page.status_code
    form = page.context["form"]
    data = {"format": fmt, "resource": "0", "export_items": form.initial["export_items"]}
    for name, field in form.fields.items():
        if name not in data and field.__class__.__name__ == "BooleanField":
            data[name] = "on"
    return client.post(f"{base}export/", data)


def load(content, fmt):
    if fmt == XLSX:
        return tablib.Dataset().load(io.BytesIO(content), format="xlsx")
    return tablib.Dataset().load(content.decode(), format="csv")


def csv_of(rows):
    return ("\n".join(",".join(row) for row in rows) + "\n").encode()
