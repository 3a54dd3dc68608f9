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


# --- a crafted ICP in a system after the 2026 mergers (issue #15, "how it will be checked") ---


def _icp_of(system, councils, since):
    """A statutory ICP of ``system`` kept here from ``since``, with a member appointed by the
    system's ICB and by each of ``councils``."""
    from partnerships.choices import BoardKind, OrganisationKind
    from partnerships.models import Organisation
    from tests import factories as f

    icb = Organisation.objects.get(system=system, kind=OrganisationKind.ICB)
    icp = f.BoardFactory(
        system=system,
        name=f"{system.short_name or system.name} ICP (crafted)",
        kind=BoardKind.STATUTORY_ICP,
        start_date=since,
        membership_maintained_from=since,
    )
    for organisation in (icb, *councils):
        f.MembershipFactory(post=f.PostFactory(board=icp), on_behalf_of=organisation)
    return icp


def _councils(system, on):
    from partnerships.models import CouncilArea

    return {
        link.organisation.name: link.organisation
        for link in CouncilArea.objects.filter(system=system)
        .as_at(on)
        .select_related("organisation")
    }


def _both_doors(api, slug, on):
    import io
    import json

    from django.core.management import call_command

    out = io.StringIO()
    try:
        args = ["--system", slug, "--as-at", on, "--check", "icp.council-members"]
        call_command("governance_check", *args, "--format", "json", stdout=out)
        code = 0
    except SystemExit as exit:
        code = exit.code
    response = api.get(f"/api/v1/compliance/?system={slug}&check=icp.council-members&as_at={on}")
    assert response.status_code == 200, response.content[:300]
    return code, json.loads(out.getvalue())["findings"], response.json()["results"]


def test_an_icp_after_the_2026_mergers_is_checked_against_the_merged_icbs_councils(seeded, api):
    before, after = datetime.date(2025, 6, 1), datetime.date(2026, 6, 1)
    sussex = System.objects.get(slug="sussex")
    merged = System.objects.get(slug="surrey-and-sussex")
    old = _councils(sussex, before)
    new = _councils(merged, after)
    # The national directory: Surrey joins Sussex's three councils in the merged system.
    assert set(old) < set(new) and any("Surrey" in name for name in set(new) - set(old))

    # Before the merger, Sussex's ICP with a member from each of its councils is complete.
    _icp_of(sussex, old.values(), datetime.date(2022, 7, 1))
    code, command, through_api = _both_doors(api, "sussex", before.isoformat())
    assert (code, command, through_api) == (0, [], [])

    # After it, the merged system's ICP with only Sussex's councils lacks Surrey's member.
    icp = _icp_of(merged, old.values(), datetime.date(2026, 4, 1))
    code, command, through_api = _both_doors(api, "surrey-and-sussex", after.isoformat())
    assert code == 1
    errors = [row for row in command if row["severity"] == "error" and not row["undecidable"]]
    [surrey] = [name for name in set(new) - set(old) if "Surrey" in name]
    [error] = errors
    assert error["message"].startswith(f"{icp.name} has no member appointed by {surrey}")
    assert (
        "as at 1 June 2026; each upper-tier council in the area must appoint one."
        in (error["message"])
    )
    assert {row["message"] for row in errors} <= {row["message"] for row in through_api}
    # The councils of Frimley's split area, whose system no source gives, are undecidable.
    assert all(row["undecidable"] for row in command if row not in errors)
    # The old system ended with the merger: the checks of every system skip it after it.
    everyone = api.get(
        "/api/v1/compliance/?check=icp.council-members&as_at=2026-06-01&limit=200"
    ).json()
    systems = {row["system"] for row in everyone["results"]}
    assert "surrey-and-sussex" in systems and "sussex" not in systems
