"""Load the seed dataset from ``icsgov/seed/data/*.yaml`` and the national directory of
integrated care boards from ``icsgov/seed/national/*.csv`` (format: docs/seed-data.md; the
directory's own loader is ``icsgov.seed.directory``).

Every record is matched on its natural key (a slug, or parent + number) and written only when a
value differs, through ``full_clean()`` and ``save()`` so the seed passes the same rules as the
admin and the API. A second run therefore writes nothing, and history records nothing.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, models, transaction

DATA_DIR = Path(__file__).parent / "data"


class SeedError(Exception):
    pass


@dataclass
class Child:
    """Records nested in a parent record, e.g. the clauses of a terms-of-reference version."""

    key: str  # YAML key in the parent record
    model: str
    parent_field: str
    natural_key: tuple
    fks: dict = field(default_factory=dict)
    resolve: dict = field(default_factory=dict)  # field -> (child key, label) within the parent


@dataclass
class Section:
    name: str
    model: str
    natural_key: tuple = ("slug",)
    fks: dict = field(default_factory=dict)  # field -> model label
    m2m: dict = field(default_factory=dict)  # field -> model label
    children: tuple = ()
    deferred_fks: tuple = ()  # self-references, set once every record of the section exists
    defaults: dict = field(default_factory=dict)  # values a record takes unless it gives its own


# In dependency order.
SECTIONS = [
    Section("sources", "core.Source"),
    Section("systems", "places.System", m2m={"predecessors": "places.System"}),
    Section("places", "places.Place", fks={"system": "places.System"}),
    Section("areas", "places.Area", fks={"place": "places.Place"}),
    Section("clusters", "places.Cluster", fks={"place": "places.Place", "area": "places.Area"}),
    Section(
        "footprints",
        "places.Footprint",
        fks={"system": "places.System"},
        m2m={"places": "places.Place", "areas": "places.Area", "clusters": "places.Cluster"},
    ),
    Section(
        "organisations",
        "partnerships.Organisation",
        fks={"system": "places.System"},
        m2m={"predecessors": "partnerships.Organisation"},
        children=(
            Child(
                "identifiers",
                "partnerships.OrganisationIdentifier",
                "organisation",
                ("scheme", "code", "valid_from"),
            ),
        ),
    ),
    Section(
        "boards",
        "partnerships.Board",
        fks={
            "system": "places.System",
            "place": "places.Place",
            "footprint": "places.Footprint",
            "cluster": "places.Cluster",
            "parent": "partnerships.Board",
        },
        m2m={
            "predecessors": "partnerships.Board",
            "convening_organisations": "partnerships.Organisation",
        },
        deferred_fks=("parent",),
    ),
    # People named in public papers are published (a person added in the admin starts
    # unpublished until someone publishes them).
    Section("people", "partnerships.Person", defaults={"is_published": True}),
    Section(
        "meetings",
        "partnerships.Meeting",
        fks={"board": "partnerships.Board", "host_organisation": "partnerships.Organisation"},
        children=(Child("decisions", "partnerships.Decision", "meeting", ("order",)),),
    ),
    # A body's regular cycle of meetings as a paper gives it ("May/June each year", "three to
    # four sessions per year"): only what the paper says, with its source and section.
    Section(
        "meeting_cycles",
        "partnerships.MeetingCycle",
        natural_key=("board", "description"),
        fks={"board": "partnerships.Board"},
    ),
    Section(
        "posts",
        "partnerships.Post",
        fks={"board": "partnerships.Board", "nominating_organisation": "partnerships.Organisation"},
    ),
    Section(
        "memberships",
        "partnerships.Membership",
        natural_key=("person", "post", "start_date"),
        fks={
            "person": "partnerships.Person",
            "post": "partnerships.Post",
            "on_behalf_of": "partnerships.Organisation",
        },
    ),
    Section(
        "terms_of_reference",
        "partnerships.TermsOfReference",
        fks={"board": "partnerships.Board", "approval_meeting": "partnerships.Meeting"},
        children=(Child("clauses", "partnerships.TermsClause", "terms", ("order",)),),
    ),
    Section(
        "principles",
        "partnerships.Principle",
        natural_key=("board", "number"),
        fks={"board": "partnerships.Board"},
    ),
    Section(
        "agreements",
        "partnerships.Agreement",
        fks={"system": "places.System", "overseen_by": "partnerships.Board"},
        m2m={"parties": "partnerships.Organisation"},
    ),
    Section(
        "strategies",
        "strategy.Strategy",
        fks={
            "system": "places.System",
            "place": "places.Place",
            "owner_board": "partnerships.Board",
        },
        children=(
            Child(
                "chapters",
                "strategy.Chapter",
                "strategy",
                ("number",),
                fks={
                    "place": "places.Place",
                    "owner_board": "partnerships.Board",
                    "overseen_by": "partnerships.Board",
                },
            ),
            Child("priorities", "strategy.Priority", "strategy", ("order",)),
        ),
    ),
    Section(
        "milestones",
        "strategy.Milestone",
        fks={
            "system": "places.System",
            "place": "places.Place",
            "strategy": "strategy.Strategy",
            "board": "partnerships.Board",
            "meeting": "partnerships.Meeting",
            "owner_board": "partnerships.Board",
            "owner_organisation": "partnerships.Organisation",
        },
    ),
    Section(
        "development_items",
        "strategy.DevelopmentItem",
        fks={"board": "partnerships.Board", "place": "places.Place"},
    ),
    Section(
        "maturity_timelines",
        "strategy.MaturityTimeline",
        fks={"system": "places.System"},
        children=(
            Child("periods", "strategy.MaturityPeriod", "timeline", ("label",)),
            Child(
                "statements",
                "strategy.MaturityStatement",
                "timeline",
                ("domain", "period", "order"),
                resolve={"period": "periods"},
            ),
        ),
    ),
    Section(
        "glossary",
        "strategy.GlossaryTerm",
        natural_key=("system", "term"),
        fks={"system": "places.System"},
    ),
]

# YAML keys that are renamed or reshaped on the way into a model.
FIELD_ALIASES = {"strategy.MaturityPeriod": {"start": "start_date", "end": "end_date"}}


@dataclass
class Stats:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self):
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


def read_documents(data_dir: Path = DATA_DIR):
    """[(file name, parsed document)] in file-name order."""
    documents = []
    for path in sorted(data_dir.glob("*.yaml")):
        try:
            document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise SeedError(f"{path.name}: not valid YAML: {exc}") from exc
        unknown = set(document) - {s.name for s in SECTIONS} - {"source"}
        if unknown:
            raise SeedError(f"{path.name}: unknown sections {sorted(unknown)}")
        documents.append((path.name, document))
    return documents


#: ``Loader.upsert``'s default: read the record matching the lookup.
LOOK_UP = object()


def _differs(instance, name, value) -> bool:
    """Whether ``instance``'s ``name`` is not ``value``; a link is compared by id, so the record
    it points to is not read."""
    field = instance._meta.get_field(name)
    if field.many_to_one:
        return getattr(instance, field.attname) != (value.pk if value is not None else None)
    return getattr(instance, name) != value


class Loader:
    def __init__(self, documents):
        self.documents = documents
        self.stats = Stats()
        self.by_slug = {}  # (model label, slug) -> instance

    # -- lookups ---------------------------------------------------------------------------
    def ref(self, label, slug, where):
        if slug is None:
            return None
        key = (label, slug)
        if key not in self.by_slug:
            model = apps.get_model(label)
            try:
                self.by_slug[key] = model._default_manager.get(slug=slug)
            except model.DoesNotExist:
                raise SeedError(
                    f"{where}: no {model._meta.verbose_name} with slug '{slug}'"
                ) from None
        return self.by_slug[key]

    # -- writing ---------------------------------------------------------------------------
    def upsert(self, model, lookup, values, where, found=LOOK_UP):
        """Create or update one record, saving only if a value differs. ``found``: the record
        matching ``lookup`` (or None) when the caller has already read it."""
        instance = found
        if instance is LOOK_UP:
            instance = model._default_manager.filter(**lookup).order_by("pk").first()
        if instance is None:
            instance = model(**lookup, **values)
            self._save(instance, where)
            self.stats.created += 1
            return instance
        changed = [name for name, value in values.items() if _differs(instance, name, value)]
        if changed:
            for name in changed:
                setattr(instance, name, values[name])
            self._save(instance, where)
            self.stats.updated += 1
        else:
            self.stats.unchanged += 1
        return instance

    def _save(self, instance, where):
        try:
            with transaction.atomic():
                instance.full_clean()
                instance.save()
        except ValidationError as exc:
            raise SeedError(f"{where}: {'; '.join(exc.messages)}") from exc
        except (IntegrityError, DataError, TypeError, ValueError) as exc:
            raise SeedError(f"{where}: {exc}") from exc

    def set_m2m(self, instance, name, label, slugs, where):
        wanted = {self.ref(label, slug, where).pk for slug in slugs or []}
        manager = getattr(instance, name)
        if set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(wanted)
            self.stats.updated += 1

    # -- sections --------------------------------------------------------------------------
    def record_values(self, label, record, fks, skip, where, source):
        """The model field values of a YAML ``record``; ``source`` is the slug of the source the
        record cites unless it names its own (``source:``)."""
        model = apps.get_model(label)
        aliases = FIELD_ALIASES.get(label, {})
        concrete = {f.name for f in model._meta.get_fields() if f.concrete}
        dates = {f.name for f in model._meta.get_fields() if isinstance(f, models.DateField)}
        values = {}
        for key, value in record.items():
            if key in skip:
                continue
            name = aliases.get(key, key)
            if name not in concrete:
                raise SeedError(f"{where}: {model.__name__} has no field '{key}'")
            if name == "source":
                value = self.ref("core.Source", value, where)
            elif name in fks:
                value = self.ref(fks[name], value, where)
            elif isinstance(value, str) and name in dates:
                try:
                    value = datetime.date.fromisoformat(value)
                except ValueError:
                    raise SeedError(f"{where}: {key} '{value}' is not a YYYY-MM-DD date") from None
            values[name] = value
        if "source" in concrete and "source" not in values and source:
            values["source"] = self.ref("core.Source", source, where)
        return values

    def load_section(self, section):
        model = apps.get_model(section.model)
        pending = []
        for file_name, document in self.documents:
            source = document.get("source")
            records = document.get(section.name) or []
            if not isinstance(records, list):
                raise SeedError(f"{file_name} {section.name}: expected a list of records")
            for index, record in enumerate(records, start=1):
                if not isinstance(record, dict):
                    raise SeedError(f"{file_name} {section.name}[{index}]: expected a mapping")
                where = f"{file_name} {section.name}[{index}] ({record.get('slug', '')})"
                skip = set(section.m2m) | {c.key for c in section.children}
                skip |= set(section.deferred_fks)
                values = self.record_values(section.model, record, section.fks, skip, where, source)
                values = {**section.defaults, **values}
                lookup = {k: values.pop(k) for k in section.natural_key}
                instance = self.upsert(model, lookup, values, where)
                if "slug" in lookup:
                    self.by_slug[(section.model, lookup["slug"])] = instance
                pending.append((instance, record, where, source))

        for instance, record, where, source in pending:
            deferred = {
                name: self.ref(section.fks[name], record.get(name), where)
                for name in section.deferred_fks
            }
            changed = [n for n, v in deferred.items() if getattr(instance, n) != v]
            if changed:
                for name in changed:
                    setattr(instance, name, deferred[name])
                self._save(instance, where)
                self.stats.updated += 1
            for name, label in section.m2m.items():
                if name in record:
                    self.set_m2m(instance, name, label, record[name], where)
            resolved = {}  # child key -> {label: instance}, for children that refer to siblings
            for child in section.children:
                records = record.get(child.key) or []
                self.load_children(child, instance, records, where, source, resolved)

    def load_children(self, child, parent, records, where, source, resolved):
        model = apps.get_model(child.model)
        concrete = {f.name for f in model._meta.get_fields() if f.concrete}
        for index, record in enumerate(records, start=1):
            here = f"{where} {child.key}[{index}]"
            record = dict(record)
            for name, other_key in child.resolve.items():
                target = resolved.get(other_key, {}).get(record.get(name))
                if target is None:
                    raise SeedError(f"{here}: no {other_key} labelled '{record.get(name)}'")
                record[name] = target
            if "order" in concrete and "order" not in record:
                record["order"] = index  # list position is the order
            values = self.record_values(child.model, record, child.fks, set(), here, source)
            for name in child.resolve:
                values[name] = record[name]
            values[child.parent_field] = parent
            # A child cites its parent's source and section unless it names its own.
            if (
                "source" in concrete
                and "source" not in record
                and getattr(parent, "source_id", None)
            ):
                values["source"] = parent.source
            if "source_section" in concrete and "source_section" not in values:
                values["source_section"] = getattr(parent, "source_section", "")
            lookup = {k: values.pop(k, None) for k in (child.parent_field, *child.natural_key)}
            instance = self.upsert(model, lookup, values, here)
            if "label" in lookup:
                resolved.setdefault(child.key, {})[lookup["label"]] = instance

    def run(self):
        for section in SECTIONS:
            self.load_section(section)
        return self.stats


NATIONAL_DIR = Path(__file__).parent / "national"


def load_seed(data_dir: Path = DATA_DIR, national_dir: Path | None = NATIONAL_DIR) -> Stats:
    """Load every seed file, then the national directory (``national_dir``; None for the YAML
    alone), in one transaction: all of it, or (on any error) none of it. The directory's rows
    are all read and checked before anything is written."""
    from icsgov.seed import directory

    documents = read_documents(data_dir)
    national = None
    if national_dir is not None:
        try:
            national = directory.read_directory(national_dir)
        except directory.DirectoryError as exc:
            raise SeedError(str(exc)) from exc
    with transaction.atomic():
        loader = Loader(documents)
        stats = loader.run()
        if national is not None:
            stats = directory.DirectoryLoader(national, loader).run()
        return stats
