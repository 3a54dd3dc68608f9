"""Print (or write into docs/architecture.md) the layer diagram, drawn from the import contract
in pyproject.toml — the same contract ``make lint`` enforces with import-linter."""

import tomllib
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from icsgov.management.commands.data_model_diagram import replace_block

DOC = Path(settings.BASE_DIR) / "docs" / "architecture.md"
BEGIN, END = "<!-- layers:begin -->", "<!-- layers:end -->"


def contracts() -> dict:
    config = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())
    return {c["id"]: c for c in config["tool"]["importlinter"]["contracts"]}


def _members(layer: str) -> list[str]:
    separator = "|" if "|" in layer else ":"
    return [name.strip().strip("()") for name in layer.split(separator)]


def diagram() -> str:
    """The project's layers top to bottom, each importing only the ones below it."""
    layers = contracts()["layers"]["layers"]
    lines = ["```mermaid", "flowchart TB"]
    for n, layer in enumerate(layers):
        members = _members(layer)
        if len(members) > 1:
            title = "top floor: wiring, roles, history screens, composite pages, seed, commands"
            short = sorted(m.removeprefix("icsgov.") for m in members)
            lines.append(f'    L{n}["<b>{title}</b><br/>icsgov.{{{", ".join(short)}}}"]')
        else:
            label = {"icsgov.core": "framework: bases and engines, imports no app"}.get(
                members[0], "app"
            )
            lines.append(f'    L{n}["<b>{members[0]}</b><br/>{label}"]')
    for n in range(len(layers) - 1):
        lines.append(f"    L{n} --> L{n + 1}")
    lines.append("```")
    rooms = contracts()["app-rooms"]["layers"]
    lines += ["", "Within each app (top to bottom; `|` = may not import each other):", ""]
    lines += [f"{n + 1}. `{layer}`" for n, layer in enumerate(rooms)]
    framework = contracts()["framework"]["layers"]
    lines += ["", "Within the framework (`icsgov/core/`):", ""]
    lines += [f"{n + 1}. `{layer}`" for n, layer in enumerate(framework)]
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Print the layer diagram, or with --write, refresh it in docs/architecture.md."

    def add_arguments(self, parser):
        parser.add_argument("--write", action="store_true", help="Update docs/architecture.md.")

    def handle(self, *args, write=False, **options):
        block = diagram()
        if write:
            DOC.write_text(replace_block(DOC.read_text(), block, BEGIN, END))
            self.stdout.write(f"Updated {DOC.relative_to(settings.BASE_DIR)}")
        else:
            self.stdout.write(block)
