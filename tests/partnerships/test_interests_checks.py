"""The registers' compliance checks (issue #15 check 11): a declaration on appointment within
28 days, an annual review, new interests within 28 days, declarations on the published register,
and gifts and hospitality past the thresholds — passing, failing and undecidable, with the day
limits from configuration."""

import datetime

import pytest
from django.test import override_settings

from icsgov.core.checks import run_checks
from tests import factories as f

D = datetime.date
ON = D(2023, 5, 1)


def found(check_id, system, on=ON):
    return run_checks(system=system, as_at=on, check_ids=[check_id])


@pytest.fixture
def member(db):
    board = f.BoardFactory(name="Wessex ICB Board", membership_maintained_from=D(2022, 7, 1))
    return f.MembershipFactory(
        post=f.PostFactory(board=board), start_date=D(2023, 1, 1), person__name="Dr Asha Patel"
    )


def test_a_member_with_no_declaration_after_28_days_is_found(member):
    # The body's register is kept here: a colleague has declared.
    f.InterestFactory(
        membership=f.MembershipFactory(
            post=f.PostFactory(board=member.post.board), start_date=D(2023, 1, 1)
        ),
        declared_on=D(2023, 1, 5),
    )
    [finding] = found("interests.on-appointment", member.post.board.system)
    assert "Dr Asha Patel has made no declaration" in finding.message
    assert not finding.undecidable


def test_a_body_whose_register_is_not_kept_here_is_undecidable(member):
    [finding] = found("interests.on-appointment", member.post.board.system)
    assert finding.undecidable
    assert "holds no register of interests for the body" in finding.message


def test_a_nil_return_within_28_days_passes(member):
    f.InterestFactory(
        membership=member,
        is_nil_return=True,
        category="",
        interest_type="",
        description="",
        declared_on=D(2023, 1, 20),
    )
    assert found("interests.on-appointment", member.post.board.system) == []


def test_a_first_declaration_after_28_days_is_found_and_the_limit_is_configurable(member):
    f.InterestFactory(membership=member, declared_on=D(2023, 2, 5))
    [finding] = found("interests.on-appointment", member.post.board.system)
    assert "35 days after being appointed" in finding.message
    with override_settings(ICSGOV_CONFLICTS_OF_INTEREST={"DECLARE_WITHIN_DAYS": 40}):
        assert found("interests.on-appointment", member.post.board.system) == []


def test_a_body_known_only_from_papers_is_undecidable(member):
    board = member.post.board
    board.membership_maintained_from = None
    board.save()
    [finding] = found("interests.on-appointment", board.system)
    assert finding.undecidable


def test_a_declaration_older_than_a_year_is_due_for_review(member):
    f.InterestFactory(membership=member, declared_on=D(2023, 1, 10))
    system = member.post.board.system
    assert found("interests.annual-review", system) == []
    [finding] = found("interests.annual-review", system, on=D(2024, 2, 1))
    assert "due for review on 10 January 2024" in finding.message
    f.InterestFactory(membership=member, declared_on=D(2024, 1, 5), occasion="annual_review")
    assert found("interests.annual-review", system, on=D(2024, 2, 1)) == []


def test_an_interest_declared_more_than_28_days_after_it_arose_is_found(member):
    f.InterestFactory(membership=member, interest_from=D(2023, 2, 1), declared_on=D(2023, 3, 15))
    f.InterestFactory(membership=member, interest_from=D(2020, 1, 1), declared_on=D(2023, 1, 20))
    [finding] = found("interests.declared-late", member.post.board.system)
    assert "42 days after it arose" in finding.message


def test_declarations_that_never_reach_the_published_register_are_found(member):
    f.InterestFactory(membership=member, declared_on=D(2023, 1, 20), is_published=False)
    [finding] = found("interests.published", member.post.board.system)
    assert "none of it is on the published register" in finding.message
    f.InterestFactory(
        membership=member,
        declared_on=D(2023, 1, 20),
        is_withheld=True,
        withheld_reason="legal",
    )
    assert found("interests.published", member.post.board.system) == []


def test_gifts_from_one_source_adding_up_past_the_limit_are_found(member):
    for day, value in ((1, 30), (20, 25)):
        f.GiftOrHospitalityFactory(
            membership=member,
            kind="gift",
            giver_name="Wessex Pharma",
            value_gbp=value,
            date=D(2023, 3, day),
        )
    messages = [x.message for x in found("gifts.thresholds", member.post.board.system)]
    assert any("add up to £55" in m for m in messages), messages
    with override_settings(ICSGOV_CONFLICTS_OF_INTEREST={"GIFT_DECLARE_FROM": 60}):
        assert found("gifts.thresholds", member.post.board.system) == []


def test_undeclared_hospitality_over_the_declaration_limit_is_found(member):
    f.GiftOrHospitalityFactory(
        membership=member, value_gbp=40, declared_on=None, date=D(2023, 4, 1)
    )
    f.GiftOrHospitalityFactory(
        membership=member, value_gbp=20, declared_on=None, date=D(2023, 4, 2)
    )
    [finding] = found("gifts.thresholds", member.post.board.system)
    assert "£40 accepted with no date declared" in finding.message
