"""The compliance catalogue (icsgov.core.checks): checks register themselves, the engine knows
none by name, runs them over systems as at a date and orders what they find."""

import datetime
from pathlib import Path

import pytest

from icsgov.core import checks as engine
from icsgov.core.checks import Check, Finding, Severity
from tests import factories as f

D = datetime.date


def test_the_apps_register_their_checks_with_stable_ids():
    ids = {each.id for each in engine.checks()}
    assert {
        "icp.council-members",
        "seats.vacant",
        "appointments.ending",
        "terms.in-force",
        "milestones.overdue",
    } <= ids
    for each in engine.checks():
        assert each.severity in Severity.values
        assert each.title and each.source and each.source_url.startswith("https://")


def test_the_framework_names_no_check():
    source = Path(engine.__file__).read_text()
    for each in engine.checks():
        assert each.id not in source


def test_a_check_id_registered_twice_is_refused():
    first = engine.check("seats.vacant")
    twin = Check(first.id, first.severity, "Twin", "s", "https://example.org", run=first.run)
    with pytest.raises(ValueError, match="already registered"):
        engine.register(twin)


def test_an_unknown_check_is_named():
    with pytest.raises(KeyError, match="no.such"):
        engine.run_checks(as_at=D(2023, 1, 1), check_ids=["no.such"])


@pytest.fixture
def sample_check():
    """A check registered for the test only, finding one record of each system."""
    seen = []

    def run(systems, date):
        seen.append((list(systems), date))
        return [
            SAMPLE.finding(s, f"Record of {s.name}", "Something is wrong.", undecidable=i == 0)
            for i, s in enumerate(systems)
        ]

    SAMPLE = Check("test.sample", Severity.ERROR, "Sample", "A rule", "https://example.org", run)
    engine.register(SAMPLE)
    yield SAMPLE, seen
    engine._checks.pop("test.sample")


def test_run_checks_asks_every_system_in_effect_on_the_date(db, sample_check):
    check, seen = sample_check
    early = f.SystemFactory(name="Early", end_date=D(2022, 12, 31))
    later = f.SystemFactory(name="Later", start_date=D(2023, 1, 1))
    findings = engine.run_checks(as_at=D(2023, 6, 1), check_ids=["test.sample"])
    assert seen == [([later], D(2023, 6, 1))]
    assert [x.system for x in findings] == [later]
    # Asked about by name, a system not in effect on the date (ended, here) is not asked
    # either: it had no duties then. On a date it was in effect, it is.
    assert engine.run_checks(system=early, as_at=D(2023, 6, 1), check_ids=["test.sample"]) == []
    assert len(seen) == 1
    engine.run_checks(system=early, as_at=D(2022, 6, 1), check_ids=["test.sample"])
    assert seen[-1] == ([early], D(2022, 6, 1))


def test_undecidable_findings_are_not_breaches_and_come_last(db, sample_check):
    f.SystemFactory(name="A")
    f.SystemFactory(name="B")
    findings = engine.run_checks(as_at=D(2023, 6, 1), check_ids=["test.sample"])
    assert [x.undecidable for x in findings] == [False, True]
    assert [x.is_breach for x in findings] == [True, False]
    assert engine.counts(findings) == {"error": 1, "warning": 0, "information": 0, "undecidable": 1}
    row = findings[0].as_dict()
    assert row["check"] == "test.sample" and row["source"] == "A rule"
    assert row["system"] == findings[0].system.slug


def test_a_finding_of_a_warning_is_never_a_breach():
    finding = Finding("x", Severity.WARNING, None, "r", "m")
    assert not finding.is_breach
