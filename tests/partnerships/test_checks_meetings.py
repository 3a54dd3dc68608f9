"""The meetings checks (partnerships/checks_meetings.py): bodies that met less often than their
cycle expects, meetings not quorate by the terms in force, members below their body's attendance
expectation, and ICB board meetings in private without a resolution or with late notice — each
failing, passing and undecidable on small factory data, in a fixed number of queries."""

import datetime

import pytest
from django.test import override_settings

from icsgov.core.checks import run_checks
from tests import factories as f

pytestmark = pytest.mark.django_db
D = datetime.date


def found(check_id, system, on):
    return run_checks(system=system, as_at=on, check_ids=[check_id])


@pytest.fixture
def body(own):
    """A kept body of five members (one a council's), its terms with a quorum of three including
    a local government member, and 75% attendance expected."""
    board = f.BoardFactory(
        system=own.system, name="Kept Board", membership_maintained_from=D(2022, 1, 1)
    )
    council = f.OrganisationFactory(sector="local_government", kind="county_council")
    nhs = f.OrganisationFactory(sector="nhs", kind="icb")
    members = [
        f.MembershipFactory(
            post=f.PostFactory(board=board),
            start_date=D(2023, 1, 1),
            on_behalf_of=organisation,
            person__name=f"Member {n}",
        )
        for n, organisation in enumerate((council, nhs, nhs, nhs, nhs))
    ]
    f.TermsOfReferenceFactory(
        board=board,
        in_force_from=D(2023, 1, 1),
        membership_count=5,
        voting_membership_count=5,
        quorum_number=3,
        quorum_sectors=["local_government"],
        attendance_expectation_percent=75,
    )
    return own.system, board, members


def held(board, date, statuses, members, **extra):
    meeting = f.MeetingFactory(board=board, date=date, status="held", **extra)
    for member, status in zip(members, statuses, strict=True):
        f.AttendanceFactory(meeting=meeting, person=member.person, membership=member, status=status)
    return meeting


# --- meetings.quorate -----------------------------------------------------------------------


def test_a_meeting_below_quorum_is_reported_with_the_reason(body):
    system, board, members = body
    held(board, D(2024, 3, 14), ["apologies", "present", "present", "absent", "absent"], members)

    [finding] = found("meetings.quorate", system, D(2024, 6, 1))

    assert finding.severity == "warning" and not finding.undecidable
    assert "was not quorate" in finding.message and "2 of 5" in finding.message
    assert "no local government member" in finding.message and finding.body == board.slug


def test_a_quorate_meeting_and_one_outside_the_lookback_pass(body):
    system, board, members = body
    held(board, D(2024, 3, 14), ["present"] * 3 + ["absent"] * 2, members)
    held(board, D(2022, 3, 14), ["absent"] * 5, members)
    assert found("meetings.quorate", system, D(2024, 6, 1)) == []


def test_attendance_not_recorded_is_undecidable(body):
    system, board, members = body
    held(board, D(2024, 3, 14), ["not_recorded"] * 5, members)
    [finding] = found("meetings.quorate", system, D(2024, 6, 1))
    assert finding.undecidable and "attendance not recorded" in finding.message


# --- attendance.expectation -------------------------------------------------------------------


def test_a_member_below_the_expectation_is_reported_as_counted(body):
    system, board, members = body
    for month, first in ((3, "absent"), (6, "apologies"), (9, "present"), (12, "cancelled")):
        if first == "cancelled":
            f.MeetingFactory(board=board, date=D(2024, month, 1), status="cancelled")
            continue
        held(board, D(2024, month, 1), [first] + ["present"] * 4, members)

    findings = found("attendance.expectation", system, D(2025, 2, 1))

    [finding] = findings  # the cancelled meeting is not counted against anyone
    assert "Member 0 attended 1 of 3 expected meetings of Kept Board in 2024 (33%)" in (
        finding.message
    )
    assert "expect 75%" in finding.message


def test_a_member_who_joined_mid_year_is_counted_from_then(body):
    system, board, members = body
    late = f.MembershipFactory(
        post=f.PostFactory(board=board), start_date=D(2024, 10, 1), person__name="Late Joiner"
    )
    held(board, D(2024, 3, 1), ["present"] * 5, members)
    meeting = held(board, D(2024, 11, 1), ["present"] * 5, members)
    f.AttendanceFactory(meeting=meeting, person=late.person, membership=late, status="present")
    assert found("attendance.expectation", system, D(2025, 2, 1)) == []


# --- meetings.frequency -----------------------------------------------------------------------


def test_a_body_meeting_less_often_than_its_cycle_is_reported(body):
    system, board, members = body
    f.MeetingCycleFactory(
        board=board,
        description="three to four a year",
        per_year_min=3,
        first_month=None,
        last_month=None,
    )
    held(board, D(2024, 3, 1), ["present"] * 5, members)

    [finding] = found("meetings.frequency", system, D(2025, 2, 1))

    assert "held 1 meeting in 2024; its cycle ('three to four a year') expects at least 3" in (
        finding.message
    )
    assert not finding.undecidable


def test_a_missed_window_on_a_body_not_kept_is_undecidable(body):
    system, board, members = body
    board.__class__.objects.filter(pk=board.pk).update(membership_maintained_from=None)
    f.MeetingCycleFactory(
        board=board, description="May/June each year", first_month=5, last_month=6
    )
    [finding] = found("meetings.frequency", system, D(2025, 2, 1))
    assert finding.undecidable and "May 2024 to June 2024" in finding.message


# --- meetings.in-public -----------------------------------------------------------------------


@pytest.fixture
def icb_board(own):
    return f.BoardFactory(system=own.system, name="The ICB Board", kind="icb_board")


def test_a_private_board_meeting_without_a_resolution_is_an_error(own, icb_board):
    f.MeetingFactory(board=icb_board, date=D(2024, 3, 14), status="held", is_public=False)
    resolved = f.MeetingFactory(
        board=icb_board, date=D(2024, 4, 11), status="held", is_public=False
    )
    f.AgendaItemFactory(meeting=resolved, is_exempt=True, exemption_reason="Commercial terms")

    [finding] = found("meetings.in-public", own.system, D(2024, 6, 1))

    assert finding.is_breach and "14 March 2024" in finding.message
    assert "no resolution to exclude the public recorded" in finding.message


def test_notice_given_too_late_is_an_error_by_the_configured_clear_days(own, icb_board):
    f.MeetingFactory(
        board=icb_board,
        date=D(2024, 3, 14),
        status="held",
        notice_published_on=D(2024, 3, 11),  # 2 clear days: the 12th and 13th
        agenda_published_on=D(2024, 3, 8),
        draft_minutes_published_on=D(2024, 3, 21),
    )
    [finding] = found("meetings.in-public", own.system, D(2024, 6, 1))
    assert "notice" in finding.message and "2 clear days before it, fewer than 3" in (
        finding.message
    )
    with override_settings(ICSGOV_MEETING_CHECKS={"NOTICE_CLEAR_DAYS": 2}):
        assert found("meetings.in-public", own.system, D(2024, 6, 1)) == []


def test_draft_minutes_published_later_than_the_configured_days_are_an_error(own, icb_board):
    meeting = f.MeetingFactory(
        board=icb_board,
        date=D(2024, 3, 14),
        status="held",
        notice_published_on=D(2024, 3, 1),
        agenda_published_on=D(2024, 3, 1),
        draft_minutes_published_on=D(2024, 4, 30),  # 47 days after
    )
    [finding] = found("meetings.in-public", own.system, D(2024, 6, 1))
    assert finding.is_breach
    assert (
        finding.message
        == "The draft minutes of The ICB Board's meeting on 14 March 2024 were published on "
        "30 April 2024: 47 days after the meeting, more than 28."
    )
    # Within the days (configured): nothing found; before they are due: nothing either.
    with override_settings(ICSGOV_MEETING_CHECKS={"DRAFT_MINUTES_DAYS": 60}):
        assert found("meetings.in-public", own.system, D(2024, 6, 1)) == []
    assert found("meetings.in-public", own.system, D(2024, 4, 10)) == []
    # A draft-minutes paper published earlier counts as their publication.
    f.MeetingPaperFactory(meeting=meeting, kind="draft_minutes", published_on=D(2024, 3, 28))
    assert found("meetings.in-public", own.system, D(2024, 6, 1)) == []


def test_approved_minutes_published_late_and_minutes_not_recorded(own, icb_board):
    meeting = f.MeetingFactory(
        board=icb_board,
        date=D(2024, 3, 14),
        status="held",
        notice_published_on=D(2024, 3, 1),
        draft_minutes_published_on=D(2024, 3, 20),
        minutes_approved_on=D(2024, 5, 9),
    )
    # Approved, and no approved minutes' publication recorded: cannot tell (the registry keeps
    # this meeting's publication state).
    [finding] = found("meetings.in-public", own.system, D(2024, 7, 1))
    assert finding.undecidable and not finding.is_breach
    assert "approved minutes" in finding.message and "not recorded" in finding.message
    f.MeetingPaperFactory(meeting=meeting, kind="approved_minutes", published_on=D(2024, 6, 20))
    [late] = found("meetings.in-public", own.system, D(2024, 7, 1))
    assert late.is_breach and "42 days after their approval on 9 May 2024" in late.message
    # A meeting whose publication state is not kept at all is not listed.
    f.MeetingFactory(board=icb_board, date=D(2024, 4, 11), status="held")
    assert len(found("meetings.in-public", own.system, D(2024, 7, 1))) == 1


def test_a_committee_of_board_members_meets_in_public_too(own, icb_board):
    """Model constitution 7.3.1: committees made up entirely of board members (or including all
    of them) meet in public; a committee with other members is not held to it."""
    icb_board.membership_maintained_from = D(2023, 1, 1)
    icb_board.save()
    people = [f.PersonFactory(name=f"Board member {n}") for n in range(3)]
    for person in people:
        f.MembershipFactory(post=f.PostFactory(board=icb_board), person=person)

    def committee(name, members):
        board = f.BoardFactory(
            system=own.system,
            name=name,
            kind="icb_committee",
            parent=icb_board,
            membership_maintained_from=D(2023, 1, 1),
        )
        for person in members:
            f.MembershipFactory(post=f.PostFactory(board=board), person=person)
        f.MeetingFactory(board=board, date=D(2024, 3, 14), status="held", is_public=False)
        return board

    committee("Board Development Committee", people[:2])
    committee("Audit Committee", [people[0], f.PersonFactory(name="Outside member")])

    [finding] = found("meetings.in-public", own.system, D(2024, 6, 1))
    assert finding.is_breach
    assert finding.message == (
        "The meeting of Board Development Committee (a committee made up entirely of ICB board "
        "members) on 14 March 2024 was held in private with no resolution to exclude the public "
        "recorded (no agenda item marked exempt with its reason)."
    )


def test_the_meetings_checks_query_count_does_not_grow(body, django_assert_max_num_queries):
    system, board, members = body
    f.MeetingCycleFactory(board=board, per_year_min=5)
    held(board, D(2024, 3, 1), ["present"] * 5, members)
    ids = ["meetings.quorate", "attendance.expectation", "meetings.frequency", "meetings.in-public"]
    with django_assert_max_num_queries(40) as few:
        run_checks(as_at=D(2025, 2, 1), check_ids=ids)
    for month in (4, 5, 6, 7):
        held(
            board,
            D(2024, month, 1),
            ["present", "absent", "apologies", "present", "present"],
            members,
        )
        f.MeetingCycleFactory(board=f.BoardFactory(system=system), per_year_min=2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        run_checks(as_at=D(2025, 2, 1), check_ids=ids)
