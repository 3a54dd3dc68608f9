"""The registry's compliance checks: where the record falls short of the law, the guidance or a
body's own terms of reference, as at a date.

Each app registers the checks of the concepts it owns (its ``checks.py``, in
``AppConfig.ready()``), as it registers its search indexes; this engine knows no check by name.
A check is asked about many systems at once (``run(systems, as_at)``) so that its queries do not
grow with the number of systems, and answers with :class:`Finding` s. A finding the data cannot
decide (a body known only from papers: "membership not recorded") says so (``undecidable``):
it is never counted as a breach. The command ``governance_check`` and the API's
``/api/v1/compliance/`` both call :func:`run_checks`.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models

from icsgov.core import registry
from icsgov.core.dates import today


class Severity(models.TextChoices):
    ERROR = "error", "Error"  # the law or a binding rule is not met
    WARNING = "warning", "Warning"  # the registry's or the body's own rules are not met
    INFORMATION = "information", "Information"  # something to act on soon


#: Most serious first, for sorting.
SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFORMATION: 2}


@dataclass(frozen=True)
class Finding:
    """One thing a check found about one record of one system, as at a date.

    ``record`` names the record as a reader knows it; ``link`` is its public page (None when
    the record is not public or has no page); ``public`` says whether the record the finding is
    about is on the public record (anonymous readers see only those); ``undecidable``: the data
    cannot decide whether the rule is met (``message`` says what is missing)."""

    check: str
    severity: str
    system: object
    record: str
    message: str
    link: str | None = None
    public: bool = False
    undecidable: bool = False
    #: The slug of the body the finding concerns, when it concerns one (the API's ``body``).
    body: str | None = None

    def as_dict(self) -> dict:
        """The finding as the command's JSON and the API give it, with its rule's source."""
        rule = _checks.get(self.check)
        return {
            "check": self.check,
            "severity": self.severity,
            "undecidable": self.undecidable,
            "system": getattr(self.system, "slug", None),
            "system_name": getattr(self.system, "name", ""),
            "body": self.body,
            "record": self.record,
            "link": self.link,
            "message": self.message,
            "source": rule.source if rule else "",
            "source_url": rule.source_url if rule else "",
        }

    @property
    def is_breach(self) -> bool:
        """An error the data decides: what makes ``governance_check`` fail."""
        return self.severity == Severity.ERROR and not self.undecidable


@dataclass(frozen=True)
class Check:
    """A rule the registry checks itself against. ``id`` is stable (``<concept>.<rule>``):
    scheduled jobs and API clients filter by it. ``source`` cites the rule (an Act's section,
    guidance, a body's terms of reference) and ``source_url`` is where to read it. ``run``
    answers for a list of systems on a date."""

    id: str
    severity: str
    title: str
    source: str
    source_url: str
    run: Callable[[list, datetime.date], list[Finding]] = field(repr=False, compare=False)
    #: What data the check reads, and when it cannot decide (for docs/compliance.md readers).
    needs: str = ""
    #: The rule is a duty the system owes the public (who sits on the ICP, a published
    #: strategy, meetings in public): its findings about public records are on the system's
    #: public compliance page.
    public_duty: bool = False

    def finding(
        self, system, record, message, link=None, public=False, undecidable=False, body=None
    ):
        """A finding of this check, with its id and severity; ``body`` is the body concerned
        (its slug is kept)."""
        return Finding(
            check=self.id,
            severity=self.severity,
            system=system,
            record=str(record),
            message=message,
            link=link,
            public=bool(public),
            undecidable=undecidable,
            body=getattr(body, "slug", body),
        )


_checks: dict[str, Check] = {}


def register(check: Check):
    """Add ``check`` to the catalogue; an id registered twice is a mistake, refused."""
    if check.id in _checks and _checks[check.id] is not check:
        raise ValueError(f"a check {check.id!r} is already registered")
    if check.severity not in Severity.values:
        raise ValueError(f"check {check.id!r}: severity must be one of {Severity.values}")
    _checks[check.id] = check


def checks() -> list[Check]:
    """Every registered check, by id."""
    return [_checks[key] for key in sorted(_checks)]


def check(check_id: str) -> Check:
    """The check ``check_id``; a KeyError naming it when none is registered."""
    try:
        return _checks[check_id]
    except KeyError:
        raise KeyError(f"no check {check_id!r}") from None


def systems_on(date):
    """The systems in effect on ``date`` (answered by the app that owns systems)."""
    return list(registry.answer("systems_on", date))


def run_checks(system=None, as_at=None, check_ids=None) -> list[Finding]:
    """The findings of the checks ``check_ids`` (default: all) about ``system`` (default: every
    system in effect on the date) as at ``as_at`` (default: today), most serious first, then by
    system, check and record. A system not in effect on the date (not yet established, or ended,
    e.g. merged in April 2026) had no duties then: nothing is found. An unknown check id is a
    KeyError."""
    date = as_at or today()
    selected = [check(key) for key in check_ids] if check_ids else checks()
    if system is not None:
        in_effect = getattr(system, "is_in_effect_on", None)
        systems = [system] if in_effect is None or in_effect(date) else []
    else:
        systems = systems_on(date)
    found = []
    if systems:
        for each in selected:
            found.extend(each.run(systems, date))
    return sorted(
        found,
        key=lambda f: (
            f.undecidable,
            SEVERITY_ORDER[f.severity],
            getattr(f.system, "name", ""),
            f.check,
            f.record,
        ),
    )


def counts(findings) -> dict:
    """{severity: number of findings the data decides, ..., "undecidable": number it cannot}."""
    tally = {severity: 0 for severity in Severity.values}
    tally["undecidable"] = 0
    for finding in findings:
        tally["undecidable" if finding.undecidable else finding.severity] += 1
    return tally
