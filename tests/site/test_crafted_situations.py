"""Issue #15's "how it will be checked": crafted situations, read through the doors a governance
team uses — the command's JSON output (for scheduled jobs) and ``/api/v1/compliance/`` (for
anyone). The ICP after the 2026 mergers, on the national directory, is in
tests/site/test_checks_on_the_seed.py."""

import datetime
import io
import json

import pytest
from django.core.management import call_command

from partnerships.choices import BoardKind, OrganisationKind
from tests import factories as f

pytestmark = pytest.mark.django_db
D = datetime.date
ON = "2024-06-01"


def both_doors(api, system, check):
    """The findings of ``check`` about ``system`` as at ON: (exit code, the command's JSON
    findings, the API's)."""
    out = io.StringIO()
    try:
        call_command(
            "governance_check",
            "--system",
            system.slug,
            "--as-at",
            ON,
            "--check",
            check,
            "--format",
            "json",
            stdout=out,
        )
        code = 0
    except SystemExit as exit:
        code = exit.code
    response = api.get(f"/api/v1/compliance/?system={system.slug}&check={check}&as_at={ON}")
    assert response.status_code == 200, response.content[:300]
    return code, json.loads(out.getvalue())["findings"], response.json()["results"]


def test_a_missing_council_appointment_on_an_icp(api):
    system = f.SystemFactory(name="Wessex", slug="wessex")
    icb = f.OrganisationFactory(system=system, kind=OrganisationKind.ICB, name="Wessex ICB")
    shire = f.CouncilFactory(name="Wessexshire County Council", system=None)
    town = f.CouncilFactory(name="Port Town Council", system=None, kind="unitary_authority")
    for council in (shire, town):
        f.CouncilAreaFactory(system=system, organisation=council, valid_from=D(2022, 7, 1))
    icp = f.BoardFactory(
        system=system,
        name="Wessex ICP",
        kind=BoardKind.STATUTORY_ICP,
        membership_maintained_from=D(2022, 7, 1),
    )
    for organisation in (icb, town):
        f.MembershipFactory(
            post=f.PostFactory(board=icp), on_behalf_of=organisation, start_date=D(2022, 7, 1)
        )

    code, command, through_api = both_doors(api, system, "icp.council-members")

    assert code == 1
    [row] = command
    assert row["severity"] == "error" and not row["undecidable"] and row["body"] == icp.slug
    assert row["message"] == (
        "Wessex ICP has no member appointed by Wessexshire County Council as at 1 June 2024; "
        "each upper-tier council in the area must appoint one."
    )
    assert [r["message"] for r in through_api] == [row["message"]]


def test_a_meeting_below_quorum(api):
    system = f.SystemFactory(name="Mercia", slug="mercia")
    board = f.BoardFactory(
        system=system, name="Mercia Place Board", membership_maintained_from=D(2023, 1, 1)
    )
    council = f.OrganisationFactory(sector="local_government", kind="county_council")
    nhs = f.OrganisationFactory(sector="nhs", kind="icb")
    members = [
        f.MembershipFactory(
            post=f.PostFactory(board=board), start_date=D(2023, 1, 1), on_behalf_of=organisation
        )
        for organisation in (council, nhs, nhs, nhs, nhs)
    ]
    f.TermsOfReferenceFactory(
        board=board,
        in_force_from=D(2023, 1, 1),
        membership_count=5,
        voting_membership_count=5,
        quorum_number=3,
        quorum_sectors=["local_government"],
    )
    meeting = f.MeetingFactory(board=board, date=D(2024, 3, 14), status="held")
    for member, status in zip(
        members, ["apologies", "present", "present", "absent", "absent"], strict=True
    ):
        f.AttendanceFactory(meeting=meeting, person=member.person, membership=member, status=status)

    code, command, through_api = both_doors(api, system, "meetings.quorate")

    assert code == 0  # a warning: the body's own rule, not the law
    [row] = command
    assert row["severity"] == "warning" and not row["undecidable"] and row["body"] == board.slug
    assert "was not quorate" in row["message"] and "2 of 5" in row["message"]
    assert "no local government member" in row["message"]
    assert row["link"] == f"/meetings/{meeting.slug}/"
    assert [r["message"] for r in through_api] == [row["message"]]


def test_a_lapsed_declaration_review(api):
    system = f.SystemFactory(name="Anglia", slug="anglia")
    board = f.BoardFactory(
        system=system, name="Anglia ICB Board", membership_maintained_from=D(2022, 7, 1)
    )
    member = f.MembershipFactory(
        post=f.PostFactory(board=board), start_date=D(2023, 1, 1), person__name="Dr Sam Reeve"
    )
    f.InterestFactory(membership=member, declared_on=D(2023, 1, 10))

    code, command, through_api = both_doors(api, system, "interests.annual-review")

    assert code == 0
    [row] = command
    assert row["severity"] == "warning" and not row["undecidable"]
    assert (
        "Dr Sam Reeve" in row["message"] and "due for review on 10 January 2024" in (row["message"])
    )
    assert [r["message"] for r in through_api] == [row["message"]]
