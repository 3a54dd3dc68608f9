"""Load the national directory of integrated care boards from ``icsgov/seed/national/*.csv``
(docs/seed-data.md, "The national directory").

Every ICB becomes a **system** with its ICB **organisation**, the organisation's ODS and ONS
codes with their validity, its NHS region, its dates, how it ended and its predecessors and
successors; every upper-tier council in an ICB's area becomes an **organisation** with its ONS
code, linked to the system for each period (``partnerships.CouncilArea``).

The directory and the papers describe the same systems: a seed system is the directory's ICB
with the same ODS code — found through the ICB organisation's ODS code when it has one, else
through ``SEED_SYSTEMS`` — and is never duplicated. A record the YAML seed also describes keeps
the YAML's fields (its name, its source, its start or the lack of one); the directory writes only
what it owns (``SYSTEM_FIELDS``, ``ICB_FIELDS``, the codes and the council links), and a YAML
record that sets one of those is refused, so the two never undo each other and a second run
writes nothing.

Rows are read and checked before anything is written; a malformed row is reported with its file,
line and reason. The load runs inside ``load_seed``'s transaction: all of it or none of it.
"""

import csv
import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.utils.text import slugify

from icsgov.core.dates import format_date
from icsgov.seed.loader import LOOK_UP, NATIONAL_DIR, SeedError
from partnerships.choices import CouncilAreaStatus, IdentifierScheme, OrganisationKind, Sector
from partnerships.models import CouncilArea, Organisation, OrganisationIdentifier
from places.choices import NHSRegion, SystemEnding
from places.models import System

ICBS, CODES, COUNCILS = "icbs.csv", "icb_codes.csv", "icb_local_authorities.csv"

#: The sources the directory's records cite (icsgov/seed/data/sources.yaml).
DATA_SET = "england-icb-reference-data-set-2026"
ONS = "ons-icb-and-local-authority-lookups"
ODS = "nhs-ods-integrated-care-boards"

#: The seed systems the papers describe, by their ICB's ODS code. Only the two systems whose
#: ICB organisation the seed has (hiow-icb, hw-icb) could be matched through the code alone; the
#: papers' case-study systems have no ICB in the seed, so they are named here. Once loaded, every
#: one of them is found through its ICB organisation's ODS code.
SEED_SYSTEMS = {
    "QRL": "hiow",
    "QGH": "herefordshire-worcestershire",
    "QXU": "surrey-heartlands",
    "QWU": "coventry-warwickshire",
    "QNQ": "frimley",
    "QMM": "norfolk-waveney",
}
#: The seed's ICB organisations, by ODS code.
SEED_ICBS = {"QRL": "hiow-icb", "QGH": "hw-icb"}
#: The seed's councils, by the ONS code of their area.
SEED_COUNCILS = {
    "E10000014": "hampshire-county-council",
    "E06000045": "southampton-city-council",
    "E06000044": "portsmouth-city-council",
    "E06000046": "isle-of-wight-council",
    "E06000019": "herefordshire-council",
    "E10000034": "worcestershire-county-council",
    "E10000030": "surrey-county-council",
    "E08000026": "coventry-city-council",
    "E10000031": "warwickshire-county-council",
}

#: What the directory writes on a system or an ICB the YAML seed also describes. A YAML record
#: may not set these (one home per fact).
SYSTEM_FIELDS = ("region", "end_date", "end_precision", "end_kind", "end_reason", "predecessors")
ICB_FIELDS = (
    "start_date",
    "start_precision",
    "end_date",
    "end_precision",
    "end_reason",
    "predecessors",
)

COUNCIL_KINDS = {
    "county council": OrganisationKind.COUNTY_COUNCIL,
    "unitary authority": OrganisationKind.UNITARY_AUTHORITY,
    "metropolitan district": OrganisationKind.METROPOLITAN_BOROUGH,
    "London borough": OrganisationKind.LONDON_BOROUGH,
}
STATUSES = [
    (re.compile(r"^confirmed-ONS$"), CouncilAreaStatus.CONFIRMED_ONS),
    (re.compile(r"^confirmed-ONS \(2024 vintage\)"), CouncilAreaStatus.CONFIRMED_ONS_LATER),
    (re.compile(r"^derived\b"), CouncilAreaStatus.DERIVED),
    (re.compile(r"^inferred-unconfirmed$"), CouncilAreaStatus.INFERRED),
    (re.compile(r"^unknown$"), CouncilAreaStatus.UNKNOWN),
]
REGION = re.compile(r"^(?P<name>.+) \((?P<code>Y\d\d)\)$")
ODS_CODE = re.compile(r"^[A-Z0-9]{3,5}$")
ICB_GSS = re.compile(r"^E54\d{6}$")
COUNCIL_GSS = re.compile(r"^E(06|08|09|10)\d{6}$")
UNKNOWN = "unknown"
#: The day Surrey Heartlands' and Sussex's ONS codes changed with their boundaries.
CODE_CHANGE = datetime.date(2023, 4, 1)

COLUMNS = {
    ICBS: (
        "name",
        "short_name",
        "ods_code",
        "gss_code",
        "nhs_region",
        "valid_from",
        "valid_to",
        "predecessors",
        "successors",
        "notes",
        "source",
        "verification",
    ),
    CODES: ("ods_code", "scheme", "code", "valid_from", "valid_to", "source"),
    COUNCILS: (
        "la_gss",
        "la_name",
        "la_type",
        "icb_ods",
        "icb_gss",
        "icb_name",
        "valid_from",
        "valid_to",
        "lsoa_count",
        "la_lsoa_total",
        "share_of_la_lsoas",
        "split_la",
        "sicbls",
        "ltla_codes",
        "status",
        "basis",
        "source",
    ),
}


class DirectoryError(Exception):
    """Rows that cannot be loaded: each message names the file, the line and the reason."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


@dataclass
class Icb:
    line: int
    name: str
    short_name: str
    ods: str
    gss: str
    region: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    predecessors: list
    successors: list
    notes: str
    verification: str

    @property
    def where(self):
        return f"{ICBS} line {self.line} ({self.ods})"


@dataclass
class Code:
    line: int
    ods: str
    scheme: str
    code: str
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    source: str

    @property
    def where(self):
        return f"{CODES} line {self.line} ({self.code})"


@dataclass
class Link:
    line: int
    gss: str
    name: str
    kind: str
    icb: str | None  # ODS code; None when not known
    candidates: list
    valid_from: datetime.date
    valid_to: datetime.date | None
    share: Decimal
    split: bool
    status: str
    basis: str

    @property
    def where(self):
        return f"{COUNCILS} line {self.line} ({self.name})"


@dataclass
class Directory:
    icbs: list = field(default_factory=list)
    codes: list = field(default_factory=list)
    links: list = field(default_factory=list)


# -- reading -----------------------------------------------------------------------------------


class _Row:
    """One CSV row and the problems found in it, each as '<file> line <n>: <reason>'."""

    def __init__(self, file_name, line, values, problems):
        self.file_name, self.line, self.values, self.problems = file_name, line, values, problems

    def problem(self, reason):
        self.problems.append(f"{self.file_name} line {self.line}: {reason}")

    def text(self, name, required=True, pattern=None):
        value = (self.values.get(name) or "").strip()
        if required and not value:
            self.problem(f"{name} is empty")
        elif value and pattern is not None and not pattern.match(value):
            self.problem(f"{name} '{value}' is not a valid code")
        return value

    def date(self, name, required=True):
        value = (self.values.get(name) or "").strip()
        if not value:
            if required:
                self.problem(f"{name} is empty")
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.problem(f"{name} '{value}' is not a YYYY-MM-DD date")
            return None

    def period(self):
        start, end = self.date("valid_from"), self.date("valid_to", required=False)
        if start and end and end < start:
            self.problem(f"valid_to {end} is before valid_from {start}")
        return start, end

    def codes(self, name):
        value = (self.values.get(name) or "").strip()
        codes = [code.strip() for code in value.split(";") if code.strip()]
        for code in codes:
            if not ODS_CODE.match(code):
                self.problem(f"{name}: '{code}' is not an ODS code")
        return codes


def _rows(path, file_name, problems):
    if not path.exists():
        problems.append(f"{file_name}: missing from {path.parent}")
        return
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in COLUMNS[file_name] if c not in (reader.fieldnames or [])]
        if missing:
            problems.append(f"{file_name} line 1: missing columns {', '.join(missing)}")
            return
        for values in reader:
            if None in values:
                problems.append(f"{file_name} line {reader.line_num}: more values than columns")
                continue
            yield _Row(file_name, reader.line_num, values, problems)


def _read_icbs(path, problems):
    icbs = []
    for row in _rows(path / ICBS, ICBS, problems):
        region_text = row.text("nhs_region")
        region = REGION.match(region_text)
        if region_text and (
            region is None
            or region["code"] not in NHSRegion.values
            or NHSRegion(region["code"]).label != region["name"]
        ):
            row.problem(f"nhs_region '{region_text}' is not an NHS region as 'Name (Y..)'")
        start, end = row.period()
        icbs.append(
            Icb(
                line=row.line,
                name=row.text("name"),
                short_name=row.text("short_name"),
                ods=row.text("ods_code", pattern=ODS_CODE),
                gss=row.text("gss_code", pattern=ICB_GSS),
                region=region["code"] if region else "",
                valid_from=start,
                valid_to=end,
                predecessors=row.codes("predecessors"),
                successors=row.codes("successors"),
                notes=row.values["notes"].strip(),
                verification=row.values["verification"].strip(),
            )
        )
    return icbs


def _read_codes(path, problems):
    codes = []
    for row in _rows(path / CODES, CODES, problems):
        scheme = row.text("scheme")
        if scheme and scheme not in IdentifierScheme.values:
            row.problem(f"scheme '{scheme}' is not one of {', '.join(IdentifierScheme.values)}")
        pattern = ICB_GSS if scheme == IdentifierScheme.GSS else ODS_CODE
        start, end = row.period()
        codes.append(
            Code(
                line=row.line,
                ods=row.text("ods_code", pattern=ODS_CODE),
                scheme=scheme,
                code=row.text("code", pattern=pattern),
                valid_from=start,
                valid_to=end,
                source=row.values["source"].strip(),
            )
        )
    return codes


def _read_links(path, problems):
    links = []
    for row in _rows(path / COUNCILS, COUNCILS, problems):
        kind_text = row.text("la_type")
        if kind_text and kind_text not in COUNCIL_KINDS:
            row.problem(f"la_type '{kind_text}' is not one of {', '.join(COUNCIL_KINDS)}")
        status_text = row.text("status")
        status = next((s for pattern, s in STATUSES if pattern.search(status_text)), None)
        if status_text and status is None:
            row.problem(f"status '{status_text}' is not a status the registry knows")
        icb = row.text("icb_ods")
        candidates = []
        if icb == UNKNOWN:
            icb = None
            # "unknown: one of S0E4D Thames Valley / S9B9J Surrey and Sussex / QRL ..."
            candidates = re.findall(r"(?:one of |/ )([A-Z0-9]{3,5})\b", row.values["icb_name"])
            if status != CouncilAreaStatus.UNKNOWN:
                row.problem("icb_ods is 'unknown' but the status is not")
            if not candidates:
                row.problem("icb_name names no ICB the council may be in ('one of ...')")
        elif icb and not ODS_CODE.match(icb):
            row.problem(f"icb_ods '{icb}' is not an ODS code")
        elif status == CouncilAreaStatus.UNKNOWN:
            row.problem(f"the status is 'unknown' but icb_ods names {icb}")
        share_text = row.text("share_of_la_lsoas")
        try:
            share = Decimal(share_text).quantize(Decimal("0.0001"))
        except InvalidOperation:
            share = None
            if share_text:
                row.problem(f"share_of_la_lsoas '{share_text}' is not a number")
        if share is not None and not Decimal(0) < share <= 1:
            row.problem(f"share_of_la_lsoas '{share_text}' is not a share above 0 and up to 1")
        split_text = row.text("split_la")
        if split_text and split_text not in ("True", "False"):
            row.problem(f"split_la '{split_text}' is not True or False")
        start, end = row.period()
        links.append(
            Link(
                line=row.line,
                gss=row.text("la_gss", pattern=COUNCIL_GSS),
                name=row.text("la_name"),
                kind=COUNCIL_KINDS.get(kind_text, ""),
                icb=icb,
                candidates=candidates,
                valid_from=start,
                valid_to=end,
                share=share,
                split=split_text == "True",
                status=status,
                basis=row.values["basis"].strip(),
            )
        )
    return links


def _cross_check(directory, problems):
    """What one file says of another: codes of known ICBs, known successors, one row per ICB."""
    known = {}
    for icb in directory.icbs:
        if icb.ods in known:
            problems.append(f"{icb.where}: the ICB is listed twice (also line {known[icb.ods]})")
        known[icb.ods] = icb.line
    for icb in directory.icbs:
        for code in icb.predecessors + icb.successors:
            if code not in known:
                problems.append(f"{icb.where}: {code} is not an ICB in {ICBS}")
        if icb.valid_to and not icb.successors:
            problems.append(f"{icb.where}: it ends on {icb.valid_to} but names no successor")
        if icb.successors and not icb.valid_to:
            problems.append(f"{icb.where}: it names successors but has no end date")
    for code in directory.codes:
        if code.ods not in known:
            problems.append(f"{code.where}: {code.ods} is not an ICB in {ICBS}")
    for link in directory.links:
        for code in ([link.icb] if link.icb else []) + link.candidates:
            if code not in known:
                problems.append(f"{link.where}: {code} is not an ICB in {ICBS}")


def read_directory(path: Path = NATIONAL_DIR) -> Directory:
    """Every row of the three files, checked; a ``DirectoryError`` lists each malformed row."""
    problems = []
    directory = Directory(
        icbs=_read_icbs(path, problems),
        codes=_read_codes(path, problems),
        links=_read_links(path, problems),
    )
    if not problems:
        _cross_check(directory, problems)
    if problems:
        raise DirectoryError(problems)
    return directory


# -- writing -----------------------------------------------------------------------------------


def _names(items):
    """Names joined by semicolons: ICB names have 'and' in them ("Surrey and Sussex")."""
    return "; ".join(str(item) for item in items)


def _shares_owner(rows):
    """The link that says which system a council mainly serves: its largest share in its latest
    period, if that link is presented as fact. None when the latest period's links are inferred
    or unknown: the council is then kept with no system (a national record), never guessed."""
    latest = max(r.valid_from for r in rows)
    facts = [
        r
        for r in rows
        if r.valid_from == latest and r.icb and r.status not in CouncilAreaStatus.not_fact()
    ]
    return max(facts, key=lambda r: r.share, default=None)


class DirectoryLoader:
    """Writes a read :class:`Directory` through the seed loader's ``upsert`` (``full_clean()``,
    saved only when a value differs), counting into its stats."""

    def __init__(self, directory, loader):
        self.directory = directory
        self.loader = loader
        self.yaml = self._yaml_records()
        self.systems = {}  # ODS code -> System
        self.icbs = {}  # ODS code -> Organisation
        self.councils = {}  # GSS code -> Organisation
        self.sources = {}
        self.first_day = min(icb.valid_from for icb in directory.icbs)

    # -- helpers -------------------------------------------------------------------------------
    def _yaml_records(self):
        """{(section, slug): YAML record} of the seed's systems and organisations."""
        records = {}
        for _file, document in self.loader.documents:
            for section in ("systems", "organisations"):
                for record in document.get(section) or []:
                    if isinstance(record, dict) and record.get("slug"):
                        records[(section, record["slug"])] = record
        return records

    def source(self, slug, where):
        if slug not in self.sources:
            self.sources[slug] = self.loader.ref("core.Source", slug, where)
        return self.sources[slug]

    def refuse_owned(self, section, slug, owned, where):
        """A YAML record the directory also describes may not set what the directory owns."""
        record = self.yaml.get((section, slug))
        if record is None:
            return False
        clashes = sorted(set(record) & set(owned))
        for identifier in record.get("identifiers") or [] if section == "organisations" else []:
            if identifier.get("scheme") in IdentifierScheme.values:
                clashes.append(f"identifiers ({identifier.get('code')})")
        if clashes:
            raise self.error(
                f"{where}: the seed's {section} record '{slug}' sets {', '.join(clashes)}, which "
                "the national directory gives; remove them from the YAML"
            )
        return True

    def error(self, message):
        return SeedError(message)

    def write(self, model, lookup, values, where, found=LOOK_UP):
        return self.loader.upsert(model, lookup, values, where, found)

    def set_m2m(self, instance, name, wanted, current=None):
        """Set ``instance``'s many-to-many ``name`` to ``wanted`` if it differs (``current``: its
        ids as already read, to save a query)."""
        manager = getattr(instance, name)
        ids = {obj.pk for obj in wanted}
        if current is None:
            current = set(manager.values_list("pk", flat=True))
        if current != ids:
            manager.set(ids)
            self.loader.stats.updated += 1

    # -- systems and their ICBs ----------------------------------------------------------------
    def _existing_icbs(self):
        """{ODS code: ICB organisation} for the ICBs already recorded, by their ODS codes."""
        found = {}
        codes = OrganisationIdentifier.objects.filter(
            scheme=IdentifierScheme.ODS, organisation__kind=OrganisationKind.ICB
        ).select_related("organisation__system")
        for identifier in codes:
            found.setdefault(identifier.code, identifier.organisation)
        return found

    def _end(self, icb):
        """How ``icb`` ended, from its successors (one: merged into it; several: split)."""
        if not icb.valid_to:
            return {"end_date": None, "end_kind": "", "end_reason": ""}
        names = {other.ods: other.short_name for other in self.directory.icbs}
        successors = [names[code] for code in icb.successors]
        kind = SystemEnding.SPLIT if len(successors) > 1 else SystemEnding.MERGED
        stated = re.search(r"\((merged|split)\)", icb.notes)
        if stated and stated.group(1) != kind:
            raise self.error(
                f"{icb.where}: the notes say {stated.group(1)}, but it names "
                f"{len(successors)} successor(s)"
            )
        change = format_date(icb.valid_to + datetime.timedelta(days=1))
        if kind == SystemEnding.SPLIT:
            how = f"its area was split between {len(successors)} ICBs from {change}: "
        else:
            how = f"merged from {change} into "
        reason = f"Abolished on {format_date(icb.valid_to)}: {how}{_names(successors)}."
        return {"end_date": icb.valid_to, "end_kind": kind, "end_reason": reason}

    def _system_slug(self, icb, existing):
        """The slug of ``icb``'s system: that of its ICB organisation (found by its ODS code),
        else the seed's (``SEED_SYSTEMS``), else one made from its name."""
        organisation = existing.get(icb.ods)
        seed_slug = SEED_SYSTEMS.get(icb.ods)
        if organisation is not None and organisation.system_id:
            if seed_slug and organisation.system.slug != seed_slug:
                raise self.error(
                    f"{icb.where}: the ICB's organisation is in system "
                    f"'{organisation.system.slug}', not the seed's '{seed_slug}'"
                )
            return organisation.system.slug
        return seed_slug or slugify(icb.short_name)

    def load_systems(self):
        existing = self._existing_icbs()
        data_set = self.source(DATA_SET, ICBS)
        for icb in self.directory.icbs:
            slug = self._system_slug(icb, existing)
            values = {"region": icb.region, "end_precision": "day", **self._end(icb)}
            if not self.refuse_owned("systems", slug, SYSTEM_FIELDS, icb.where):
                values |= {
                    "name": icb.short_name,
                    "start_date": icb.valid_from,
                    "start_precision": "day",
                    "source": data_set,
                    "source_section": f"ICB table (icbs.csv), line {icb.line}: {icb.ods}",
                }
            system = System.objects.filter(slug=slug).first()
            if system is not None and system.is_synthetic:
                raise self.error(f"{icb.where}: '{slug}' is a synthetic system")
            self.systems[icb.ods] = self.write(System, {"slug": slug}, values, icb.where)
            self.icbs[icb.ods] = existing.get(icb.ods)
        self._successions(self.systems, "predecessors")

    def _successions(self, by_code, name):
        """Each record's predecessors: those it names, and those that name it as a successor."""
        wanted = defaultdict(set)
        for icb in self.directory.icbs:
            wanted[icb.ods] |= set(icb.predecessors)
            for successor in icb.successors:
                wanted[successor].add(icb.ods)
        for icb in self.directory.icbs:
            instance = by_code[icb.ods]
            self.set_m2m(instance, name, [by_code[code] for code in sorted(wanted[icb.ods])])

    def load_icb_organisations(self):
        ods = self.source(ODS, ICBS)
        for icb in self.directory.icbs:
            system = self.systems[icb.ods]
            organisation = self.icbs.get(icb.ods)
            slug = (
                organisation.slug if organisation else SEED_ICBS.get(icb.ods, f"{system.slug}-icb")
            )
            end = self._end(icb)
            values = {
                "start_date": icb.valid_from,
                "start_precision": "day",
                "end_date": end["end_date"],
                "end_precision": "day",
                "end_reason": end["end_reason"],
            }
            if not self.refuse_owned("organisations", slug, ICB_FIELDS, icb.where):
                values |= {
                    "name": icb.name,
                    "sector": Sector.NHS,
                    "kind": OrganisationKind.ICB,
                    "system": system,
                    "source": ods,
                    "source_section": f"ICB {icb.ods} (the data set's ICB table, line {icb.line})",
                }
            self.icbs[icb.ods] = self.write(Organisation, {"slug": slug}, values, icb.where)
        self._successions(self.icbs, "predecessors")

    def _code_note(self, code, icb):
        """How far a code was checked, in words (the data set's verification, plainly)."""
        if code.scheme == IdentifierScheme.ODS:
            if icb.valid_from > self.first_day:
                return (
                    "As NHS England's ODS record gives it (its successions, checked on both "
                    "sides), and in an independent list of the 36 ICBs of April 2026."
                )
            return (
                "The same in the ONS lookups of July 2022, April 2023 and April 2024 and in a "
                "second public list of the ICBs."
            )
        if "ONS" in code.source:
            note = "As the ONS lookups of July 2022, April 2023 and April 2024 give it."
            if code.valid_to == CODE_CHANGE - datetime.timedelta(days=1):
                note += " Replaced on 1 April 2023 after a boundary change (ONS's April 2023 ICB "
                note += "boundaries give the new code)."
            elif code.valid_from == CODE_CHANGE:
                note = "As ONS's April 2023 ICB boundaries and April 2024 lookup give it, from "
                note += "the boundary change of 1 April 2023."
            return note
        two = "2 sources" in icb.verification or "fixture" in icb.verification
        two = two or "postcodes.io" in icb.notes
        return (
            ("Two public sources" if two else "Single source")
            + ": a public list of the ICB boundaries of April 2026"
            + (" and postcode lookups" if two else "")
            + "; not yet confirmed by a published ONS lookup."
        )

    def load_codes(self):
        ons, ods, data_set = (self.source(s, CODES) for s in (ONS, ODS, DATA_SET))
        icbs = {icb.ods: icb for icb in self.directory.icbs}
        for code in self.directory.codes:
            if code.scheme == IdentifierScheme.ODS:
                source = ods
            elif "ONS" in code.source:
                source = ons
            else:
                source = data_set
            self.write(
                OrganisationIdentifier,
                {
                    "organisation": self.icbs[code.ods],
                    "scheme": code.scheme,
                    "code": code.code,
                    "valid_from": code.valid_from,
                },
                {
                    "valid_to": code.valid_to,
                    "source": source,
                    "source_section": f"code table (icb_codes.csv), line {code.line}",
                    "source_note": self._code_note(code, icbs[code.ods]),
                },
                code.where,
            )

    # -- councils --------------------------------------------------------------------------------
    def _existing_councils(self):
        found = {}
        codes = OrganisationIdentifier.objects.filter(
            scheme=IdentifierScheme.GSS, organisation__sector=Sector.LOCAL_GOVERNMENT
        ).select_related("organisation")
        for identifier in codes:
            found.setdefault(identifier.code, identifier.organisation)
        return found

    def load_councils(self):
        ons = self.source(ONS, COUNCILS)
        first_day = self.first_day
        existing = self._existing_councils()
        by_council = defaultdict(list)
        for link in self.directory.links:
            by_council[link.gss].append(link)
        for gss, rows in by_council.items():
            first = rows[0]
            if any(r.name != first.name or r.kind != first.kind for r in rows):
                raise self.error(f"{first.where}: {gss} has more than one name or type")
            starts = min(r.valid_from for r in rows)
            ends = None if any(r.valid_to is None for r in rows) else max(r.valid_to for r in rows)
            # A code in the data set's first period predates it: its start is not known here.
            valid_from = None if starts <= first_day else starts
            organisation = existing.get(gss)
            slug = (
                organisation.slug
                if organisation
                else SEED_COUNCILS.get(gss, slugify(f"{first.name} {first.kind.replace('_', ' ')}"))
            )
            section = f"upper-tier local authority {gss} (the data set's council table)"
            if self.refuse_owned("organisations", slug, (), first.where):
                seed = self.yaml[("organisations", slug)]
                if seed.get("kind") != first.kind:
                    raise self.error(
                        f"{first.where}: the seed's organisation '{slug}' is a "
                        f"{seed.get('kind')}, but ONS types {first.name} as "
                        f"{OrganisationKind(first.kind).label}; correct the YAML"
                    )
                organisation = self.loader.ref("partnerships.Organisation", slug, first.where)
            else:
                owner = _shares_owner(rows)
                values = {
                    "name": first.name,
                    "sector": Sector.LOCAL_GOVERNMENT,
                    "kind": first.kind,
                    "system": self.systems[owner.icb] if owner else None,
                    "start_date": valid_from,
                    "start_precision": "day",
                    "end_date": ends,
                    "end_precision": "day",
                    "end_reason": (
                        f"Not an upper-tier local authority area in the ONS lookups after "
                        f"{format_date(ends)}."
                        if ends
                        else ""
                    ),
                    "source": ons,
                    "source_section": section,
                }
                organisation = self.write(Organisation, {"slug": slug}, values, first.where)
            self.councils[gss] = organisation
            self.write(
                OrganisationIdentifier,
                {
                    "organisation": organisation,
                    "scheme": IdentifierScheme.GSS,
                    "code": gss,
                    "valid_from": valid_from,
                },
                {
                    "valid_to": ends,
                    "source": ons,
                    "source_section": section,
                    "source_note": (
                        "The council area's ONS code, from the ONS lower to upper tier local "
                        "authority lookups of 2021 and 2023."
                        + (
                            ""
                            if valid_from
                            else " In use before July 2022; when it was first issued is not "
                            "recorded here."
                        )
                    ),
                },
                first.where,
            )

    def load_links(self):
        ons, data_set = self.source(ONS, COUNCILS), self.source(DATA_SET, COUNCILS)
        existing = {
            (link.organisation_id, link.system_id, link.valid_from): link
            for link in CouncilArea.objects.all()
        }
        candidates = defaultdict(set)
        for link_id, system_id in CouncilArea.candidates.through.objects.values_list(
            "councilarea_id", "system_id"
        ):
            candidates[link_id].add(system_id)
        for link in self.directory.links:
            confirmed = link.status in (
                CouncilAreaStatus.CONFIRMED_ONS,
                CouncilAreaStatus.CONFIRMED_ONS_LATER,
            )
            council = self.councils[link.gss]
            system = self.systems[link.icb] if link.icb else None
            instance = self.write(
                CouncilArea,
                {"organisation": council, "system": system, "valid_from": link.valid_from},
                {
                    "valid_to": link.valid_to,
                    "share_of_area": link.share,
                    "split": link.split,
                    "status": link.status,
                    "basis": link.basis,
                    "source": ons if confirmed else data_set,
                    "source_section": f"council table (icb_local_authorities.csv), line "
                    f"{link.line}",
                },
                link.where,
                found=existing.get((council.pk, system.pk if system else None, link.valid_from)),
            )
            self.set_m2m(
                instance,
                "candidates",
                [self.systems[c] for c in link.candidates],
                current=candidates[instance.pk],
            )

    def run(self):
        self.load_systems()
        self.load_icb_organisations()
        self.load_codes()
        self.load_councils()
        self.load_links()
        return self.loader.stats
