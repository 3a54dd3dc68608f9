"""The partnerships app's compliance checks: the statutory ICP's members (s116ZA), seats with
no holder, appointments ending soon and terms of reference in force — each passing, failing and
undecidable on small factory data."""

import datetime

import pytest

from icsgov.core.checks import run_checks
from partnerships.choices import BoardKind, OrganisationKind
from tests import factories as f

D = datetime.date
ON = D(2023, 5, 1)


def found(check_id, system=None, on=ON):
    return run_checks(system=system, as_at=on, check_ids=[check_id])


# --- icp.council-members ------------------------------------------------------------------


@pytest.fixture
def icp_world(db):
    """A system with its ICB, a county wholly in it and a city split with a neighbour, and a
    maintained ICP with the ICB's and the county's members."""
    system = f.SystemFactory(name="North", slug="north")
    neighbour = f.SystemFactory(name="South", slug="south")
    icb = f.OrganisationFactory(
        system=system, name="North ICB", kind=OrganisationKind.ICB, start_date=D(2022, 7, 1)
    )
    county = f.CouncilFactory(name="Shire County Council", system=None)
    city = f.CouncilFactory(name="City Council", kind="unitary_authority", system=None)
    f.CouncilAreaFactory(organisation=county, system=system)
    f.CouncilAreaFactory(organisation=city, system=system, share_of_area="0.6", split=True)
    f.CouncilAreaFactory(organisation=city, system=neighbour, share_of_area="0.4", split=True)
    icp = f.BoardFactory(
        system=system,
        name="North ICP",
        kind=BoardKind.STATUTORY_ICP,
        membership_maintained_from=D(2022, 7, 1),
    )
    seat = f.PostFactory(board=icp, label="Members", places=10)
    f.MembershipFactory(post=seat, on_behalf_of=icb)
    f.MembershipFactory(post=seat, on_behalf_of=county)
    return system, neighbour, icp, seat, city


def test_icp_with_every_council_member_passes(icp_world):
    system, _, _, seat, city = icp_world
    f.MembershipFactory(post=seat, on_behalf_of=city)
    assert found("icp.council-members", system) == []


def test_icp_missing_a_split_councils_member_is_an_error(icp_world):
    system, _, icp, _, _ = icp_world
    [finding] = found("icp.council-members", system)
    assert finding.is_breach and finding.record == "North ICP"
    assert "no member appointed by City Council (60.0% of its area is in North)" in (
        finding.message
    )
    assert finding.link == f"/boards/{icp.slug}/" and finding.public


def test_a_split_council_counts_for_each_system_it_lies_in(icp_world):
    _, neighbour, _, _, city = icp_world
    icb = f.OrganisationFactory(system=neighbour, kind=OrganisationKind.ICB, name="South ICB")
    icp = f.BoardFactory(
        system=neighbour, kind=BoardKind.STATUTORY_ICP, membership_maintained_from=D(2022, 7, 1)
    )
    seat = f.PostFactory(board=icp, places=5)
    f.MembershipFactory(post=seat, on_behalf_of=icb)
    [finding] = found("icp.council-members", neighbour)
    assert "City Council" in finding.message
    f.MembershipFactory(post=seat, on_behalf_of=city)
    assert found("icp.council-members", neighbour) == []


def test_an_appointment_ended_before_the_date_does_not_count(icp_world):
    system, _, _, seat, city = icp_world
    f.MembershipFactory(post=seat, on_behalf_of=city, end_date=D(2023, 3, 31))
    assert found("icp.council-members", system, on=D(2023, 3, 31)) == []
    assert len(found("icp.council-members", system)) == 1


def test_icp_whose_membership_is_not_maintained_is_undecidable(icp_world):
    system, _, icp, _, _ = icp_world
    icp.membership_maintained_from = None
    icp.save()
    [finding] = found("icp.council-members", system)
    assert finding.undecidable and not finding.is_breach
    assert "membership not recorded" in finding.message


def test_a_system_with_no_icp_recorded_is_undecidable(db):
    system = f.SystemFactory(name="Bare")
    [finding] = found("icp.council-members", system)
    assert finding.undecidable and "No statutory integrated care partnership" in finding.message


def test_icp_missing_the_icbs_member_is_an_error(icp_world):
    system, _, _, seat, city = icp_world
    f.MembershipFactory(post=seat, on_behalf_of=city)
    system.organisations.filter(kind=OrganisationKind.ICB).update(end_date=D(2023, 1, 1))
    f.OrganisationFactory(system=system, kind=OrganisationKind.ICB, name="New North ICB")
    [finding] = found("icp.council-members", system)
    assert finding.is_breach and "appointed by New North ICB" in finding.message


# --- seats.vacant -------------------------------------------------------------------------


@pytest.fixture
def body(db):
    return f.BoardFactory(name="Place Board", membership_maintained_from=D(2022, 7, 1))


def test_a_filled_seat_is_not_vacant(body):
    f.MembershipFactory(post=f.PostFactory(board=body, places=1))
    assert found("seats.vacant", body.system) == []


def test_an_empty_place_on_a_maintained_body_is_vacant(body):
    seat = f.PostFactory(board=body, label="Healthwatch seat", places=2)
    f.MembershipFactory(post=seat)
    [finding] = found("seats.vacant", body.system)
    assert finding.severity == "warning" and not finding.undecidable
    assert "'Healthwatch seat' on Place Board has 1 vacant place of 2" in finding.message
    assert finding.link == f"/boards/{body.slug}/#seats"


def test_an_unpublished_holder_still_fills_the_seat(body):
    f.MembershipFactory(post=f.PostFactory(board=body, places=1), is_published=False)
    assert found("seats.vacant", body.system) == []


def test_an_empty_place_on_a_body_known_from_papers_is_undecidable(body):
    body.membership_maintained_from = None
    body.save()
    f.PostFactory(board=body, label="Seat", places=1)
    [finding] = found("seats.vacant", body.system)
    assert finding.undecidable and "holder not recorded" in finding.message


def test_an_unpublished_seat_has_no_public_link(body):
    f.PostFactory(board=body, places=1, is_published=False)
    [finding] = found("seats.vacant", body.system)
    assert finding.link is None and not finding.public


# --- appointments.ending ------------------------------------------------------------------


def test_appointments_ending_within_60_days_are_reported(body):
    seat = f.PostFactory(board=body, label="Chair", places=3)
    soon = f.MembershipFactory(post=seat, end_date=D(2023, 6, 30))
    f.MembershipFactory(post=seat, end_date=D(2023, 7, 1))  # 61 days after
    f.MembershipFactory(post=seat)  # no end date
    [finding] = found("appointments.ending", body.system)
    assert finding.severity == "information"
    assert f"{soon.person}'s appointment to 'Chair'" in finding.message
    assert "ends on 30 June 2023" in finding.message
    assert finding.link == f"/people/{soon.person.slug}/"


def test_no_appointment_ending_passes(body):
    f.MembershipFactory(post=f.PostFactory(board=body), end_date=D(2024, 1, 1))
    assert found("appointments.ending", body.system) == []


def test_an_unpublished_appointment_ending_is_not_public(body):
    f.MembershipFactory(post=f.PostFactory(board=body), end_date=D(2023, 5, 2), is_published=False)
    [finding] = found("appointments.ending", body.system)
    assert not finding.public and finding.link is None


# --- terms.in-force -----------------------------------------------------------------------


def test_ratified_terms_in_force_and_not_due_pass(body):
    f.TermsOfReferenceFactory(board=body, review_date=D(2024, 1, 1))
    assert found("terms.in-force", body.system) == []


def test_terms_past_their_review_date_are_reported(body):
    f.TermsOfReferenceFactory(board=body, version="2.0", review_date=D(2023, 4, 30))
    [finding] = found("terms.in-force", body.system)
    assert not finding.undecidable
    assert "(version 2.0) were due for review on 30 April 2023" in finding.message


def test_only_a_draft_is_reported(body):
    f.TermsOfReferenceFactory(board=body, version="0.1", status="draft", in_force_from=None)
    [finding] = found("terms.in-force", body.system)
    assert "only a draft (version 0.1)" in finding.message and not finding.undecidable


def test_missing_terms_on_a_maintained_body_are_reported(body):
    [finding] = found("terms.in-force", body.system)
    assert finding.message == "Place Board has no terms of reference in force as at 1 May 2023."


def test_missing_terms_on_a_body_known_from_papers_are_undecidable(body):
    body.membership_maintained_from = None
    body.save()
    [finding] = found("terms.in-force", body.system)
    assert finding.undecidable and "terms of reference not recorded" in finding.message


def test_terms_with_no_review_date_are_undecidable(body):
    f.TermsOfReferenceFactory(board=body)
    [finding] = found("terms.in-force", body.system)
    assert finding.undecidable and "no review date recorded" in finding.message


# --- budgets ------------------------------------------------------------------------------


def _a_system():
    system = f.SystemFactory()
    f.OrganisationFactory(system=system, kind=OrganisationKind.ICB)
    f.CouncilAreaFactory(system=system, organisation=f.CouncilFactory(system=None))
    icp = f.BoardFactory(
        system=system, kind=BoardKind.STATUTORY_ICP, membership_maintained_from=D(2022, 7, 1)
    )
    seat = f.PostFactory(board=icp, places=3)
    f.MembershipFactory(post=seat, end_date=D(2023, 5, 20))
    f.TermsOfReferenceFactory(board=icp, review_date=D(2023, 1, 1))
    f.MilestoneFactory(system=system, date=D(2023, 1, 1))
    return system


def test_the_checks_query_count_does_not_grow_with_the_systems(db, django_assert_max_num_queries):
    _a_system()
    with django_assert_max_num_queries(40) as few:
        assert run_checks(as_at=ON)
    for _ in range(4):
        _a_system()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(run_checks(as_at=ON)) > 5 * 4


def test_councils_of_agrees_with_councils_on(icp_world):
    from partnerships.selectors import councils_of

    system, neighbour, *_ = icp_world
    both = councils_of([system, neighbour], ON)
    for each in (system, neighbour):
        assert both[each.pk].councils == each.councils_on(ON).councils


# --- icb.board-composition ----------------------------------------------------------------


@pytest.fixture
def icb_board(db):
    """A maintained ICB board with every office its constitution requires filled."""
    system = f.SystemFactory(name="East", slug="east")
    board = f.BoardFactory(
        system=system,
        name="East ICB Board",
        kind=BoardKind.ICB_BOARD,
        membership_maintained_from=D(2022, 7, 1),
    )
    seats = {}
    for office, role in (
        ("chair", "chair"),
        ("chief_executive", "member"),
        ("partner_trusts", "member"),
        ("partner_primary_care", "member"),
        ("partner_local_authorities", "member"),
        ("non_executive", "vice_chair"),
    ):
        seats[office] = f.PostFactory(board=board, label=office, office=office, role=role)
        f.MembershipFactory(post=seats[office], person__name=f"{office} holder")
    return system, board, seats


def test_an_icb_board_with_every_office_filled_passes(icb_board):
    system, *_ = icb_board
    assert found("icb.board-composition", system) == []


def test_a_missing_partner_member_is_an_error_naming_the_office(icb_board):
    system, board, seats = icb_board
    seats["partner_primary_care"].memberships.update(end_date=D(2023, 1, 31))

    [finding] = found("icb.board-composition", system)

    assert finding.is_breach and finding.body == board.slug
    assert "lacks a partner member nominated by providers of primary medical services" in (
        finding.message
    )


def test_fewer_than_three_ordinary_members_is_an_error(icb_board):
    system, board, seats = icb_board
    for office in ("partner_trusts", "partner_local_authorities", "non_executive"):
        seats[office].memberships.update(end_date=D(2023, 1, 31))
    [finding] = found("icb.board-composition", system)
    assert "at least three ordinary members (it has 1 ordinary member)" in finding.message


def test_a_holder_of_a_seat_with_no_office_makes_it_undecidable(icb_board):
    system, board, seats = icb_board
    seats["chief_executive"].memberships.update(end_date=D(2023, 1, 31))
    f.MembershipFactory(post=f.PostFactory(board=board, label="Member", office=""))
    [finding] = found("icb.board-composition", system)
    assert finding.undecidable and "1 other appointment records no office" in finding.message


def test_the_deputy_chair_chairing_the_audit_committee_is_an_error(icb_board):
    system, board, seats = icb_board
    deputy = seats["non_executive"].memberships.get().person
    audit = f.BoardFactory(system=system, name="Audit and Risk Committee", kind="icb_committee")
    f.MembershipFactory(post=f.PostFactory(board=audit, role="chair"), person=deputy)

    [finding] = found("icb.board-composition", system)

    assert finding.is_breach
    assert "non_executive holder is deputy chair of East ICB Board and chairs the audit" in (
        finding.message
    )


def test_a_board_with_no_office_recorded_or_not_maintained_is_undecidable(icb_board):
    system, board, seats = icb_board
    board.posts.update(office="")
    [finding] = found("icb.board-composition", system)
    assert finding.undecidable and "no seat records the office" in finding.message
    board.__class__.objects.filter(pk=board.pk).update(membership_maintained_from=None)
    [finding] = found("icb.board-composition", system)
    assert finding.undecidable and "membership not recorded" in finding.message


@pytest.mark.parametrize(
    "kind, office, role, message",
    [
        ("icb_committee", "chief_executive", "member", "An ICB board office is recorded only"),
        ("icb_board", "chair", "member", "The chair's office is the seat whose role is chair."),
        ("icb_board", "chief_executive", "chair", "not the chair's"),
    ],
)
def test_an_office_is_refused_where_it_cannot_be(db, kind, office, role, message):
    from django.core.exceptions import ValidationError

    seat = f.PostFactory.build(board=f.BoardFactory(kind=kind), office=office, role=role)
    with pytest.raises(ValidationError, match=message):
        seat.full_clean()


def test_the_deputy_chair_is_named_only_when_on_the_public_record(icb_board):
    system, board, seats = icb_board
    deputy = seats["non_executive"].memberships.get()
    audit = f.BoardFactory(system=system, name="Audit Committee", kind="icb_committee")
    f.MembershipFactory(post=f.PostFactory(board=audit, role="chair"), person=deputy.person)
    deputy.person.__class__.objects.filter(pk=deputy.person_id).update(is_published=False)

    [finding] = found("icb.board-composition", system)

    assert finding.public and "non_executive holder" not in finding.message
    assert finding.message.startswith("The deputy chair of East ICB Board and also chairs")


def test_an_unpublished_icb_is_not_named_in_the_icp_finding(icp_world):
    system, _, icp, seat, city = icp_world
    f.MembershipFactory(post=seat, on_behalf_of=city)
    icb = system.organisations.get(name="North ICB")
    seat.memberships.filter(on_behalf_of=icb).update(end_date=D(2023, 1, 1))
    icb.__class__.objects.filter(pk=icb.pk).update(is_published=False)
    [finding] = found("icp.council-members", system)
    assert "North ICB" not in finding.message
    assert "no member appointed by its integrated care board" in finding.message
