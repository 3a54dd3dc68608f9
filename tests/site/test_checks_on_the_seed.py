"""The compliance checks on the seed data, where the papers decide the answer — and where they
do not, the registry says it cannot tell rather than report a breach."""

import datetime

import pytest

from icsgov.core.checks import run_checks
from places.models import System

pytestmark = pytest.mark.django_db
ON = datetime.date(2023, 5, 1)


def findings(seeded, check_id):
    return run_checks(system=System.objects.get(slug="hiow"), as_at=ON, check_ids=[check_id])


def test_the_hiow_icps_councils_cannot_be_told_from_papers_alone(seeded):
    [finding] = findings(seeded, "icp.council-members")
    assert finding.undecidable and "membership not recorded" in finding.message
    assert "Hampshire and Isle of Wight Integrated Care Partnership" in finding.record


def test_southamptons_april_2023_seats_are_holder_not_recorded_not_vacant(seeded):
    seats = [
        f for f in findings(seeded, "seats.vacant") if "Southampton Health and Care" in f.message
    ]
    assert seats and all(f.undecidable for f in seats)
    assert all("holder not recorded" in f.message for f in seats)
    assert not any("vacant " in f.message.split("—")[0] for f in seats)


def test_the_interim_strategy_known_from_a_2022_paper_is_not_called_unpublished(seeded):
    [finding] = findings(seeded, "strategy.integrated-care-strategy")
    assert finding.undecidable and not finding.is_breach
    assert "the record is from a paper of 1 October 2022" in finding.message


def test_the_seed_has_no_breach_the_papers_do_not_decide(seeded):
    breaches = [
        f for f in run_checks(system=System.objects.get(slug="hiow"), as_at=ON) if f.is_breach
    ]
    assert breaches == []
