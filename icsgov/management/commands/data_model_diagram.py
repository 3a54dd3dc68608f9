"""Print (or write into docs/data-model.md) a Mermaid ER diagram generated from the models."""

import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from icsgov.core.registry import registry_models

DOC = Path(settings.BASE_DIR) / "docs" / "data-model.md"
BEGIN, END = "<!-- diagram:begin -->", "<!-- diagram:end -->"


def diagram() -> str:
    models = registry_models()
    names = set(models)
    lines = ["```mermaid", "erDiagram"]
    for model in models:
        lines.append(f"    {model.__name__} {{")
        for field in model._meta.get_fields():
            if field.concrete and not field.is_relation and field.name != "id":
                kind = field.get_internal_type().replace("Field", "") or "Field"
                lines.append(f"        {kind} {field.name}")
        lines.append("    }")
    for model in models:
        for field in model._meta.get_fields():
            if not (field.is_relation and field.concrete and field.related_model in names):
                continue
            target = field.related_model.__name__
            if field.many_to_many:
                lines.append(f'    {model.__name__} }}o--o{{ {target} : "{field.name}"')
            else:
                optional = "o" if field.null else "|"
                lines.append(f'    {model.__name__} }}o--{optional}| {target} : "{field.name}"')
    lines.append("```")
    return "\n".join(lines)


def replace_block(text: str, block: str, begin=BEGIN, end=END) -> str:
    """``text`` with the lines between ``begin`` and ``end`` replaced by ``block``."""
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
    if not pattern.search(text):
        raise CommandError(f"no {begin} ... {end} block to replace")
    return pattern.sub(lambda _: f"{begin}\n{block}\n{end}", text)


class Command(BaseCommand):
    help = "Print the data-model diagram, or with --write, refresh it in docs/data-model.md."

    def add_arguments(self, parser):
        parser.add_argument("--write", action="store_true", help="Update docs/data-model.md.")

    def handle(self, *args, write=False, **options):
        block = diagram()
        if write:
            DOC.write_text(replace_block(DOC.read_text(), block))
            self.stdout.write(f"Updated {DOC.relative_to(settings.BASE_DIR)}")
        else:
            self.stdout.write(block)
