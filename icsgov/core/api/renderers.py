import csv
import io

from rest_framework.renderers import BaseRenderer

from icsgov.core.spreadsheets import safe_cell


def _flatten(value, prefix, row):
    """Nested objects become dotted columns (``board.slug``); lists of brief objects become one
    cell of their slugs separated by '; '."""
    if isinstance(value, dict):
        for key, inner in value.items():
            _flatten(inner, f"{prefix}.{key}" if prefix else key, row)
    elif isinstance(value, list):
        row[prefix] = safe_cell(
            "; ".join(
                str(item.get("slug") or item.get("name") or "")
                if isinstance(item, dict)
                else str(item)
                for item in value
            )
        )
    else:
        row[prefix] = "" if value is None else safe_cell(value)


class CSVRenderer(BaseRenderer):
    """``?format=csv``: the rows of a list page (same filters, same limit and offset) as CSV."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, dict) and "results" in data:
            items = data["results"]
        elif isinstance(data, dict) and "detail" in data:
            items = [{"detail": data["detail"]}]
        else:
            items = data if isinstance(data, list) else [data]
        rows, columns = [], {}
        for item in items:
            row = {}
            _flatten(item, "", row)
            rows.append(row)
            columns.update(dict.fromkeys(row))
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue().encode(self.charset)
