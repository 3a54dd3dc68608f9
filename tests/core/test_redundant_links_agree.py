"""Links that repeat what another link says must agree, on every write path: the rule is in each
model's ``clean()`` (icsgov.core.scoping.link_system_errors for "in the same system", and the
model's own check where the link must be stronger), so the admin, the API, the import and the
seed all refuse the same — even for a superuser, who may link anywhere."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests import factories

pytestmark = pytest.mark.django_db


def refused(record, field):
    with pytest.raises(ValidationError) as caught:
        record.full_clean()
    assert field in caught.value.message_dict, caught.value.message_dict
    return caught.value.message_dict[field][0]


def test_a_bodys_cluster_and_parent_are_in_its_system(own, other):
    board = factories.BoardFactory.build(
        system=own.system,
        slug="x",
        parent=other.board,
        cluster=factories.ClusterFactory(place__system=other.system),
    )
    assert refused(board, "parent") == (
        f"{other.board} is in {other.system.name}, not in {own.system.name}."
    )
    assert refused(board, "cluster")


def test_the_admin_refuses_it_for_a_superuser_too(login, own, other):
    from tests.helpers.admin_forms import page_data

    client = login("superuser")
    url = f"/admin/partnerships/board/{own.board.pk}/change/"
    data = page_data(client.get(url))
    data["parent"] = str(other.board.pk)
    response = client.post(url, data)
    assert response.status_code == 200
    assert "parent" in response.context["adminform"].form.errors


def test_a_terms_versions_approval_meeting_is_of_the_same_body(own):
    elsewhere = factories.MeetingFactory(board=factories.BoardFactory(system=own.system))
    terms = factories.TermsOfReferenceFactory.build(
        board=own.board, slug="t", approval_meeting=elsewhere, status="draft"
    )
    assert refused(terms, "approval_meeting") == f"{elsewhere} is not of {own.board}."


def test_a_milestones_body_and_meeting_agree(api_as, own):
    meeting = factories.MeetingFactory(board=factories.BoardFactory(system=own.system))
    response = api_as("superuser").post(
        "/api/v1/milestones/",
        {
            "title": "Sign off",
            "date": "2024-04-01",
            "scope": "system",
            "system": own.system.slug,
            "board": own.board.slug,
            "meeting": meeting.slug,
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["meeting"] == [f"{meeting} is not a meeting of {own.board}."]


def test_a_chapters_place_is_in_its_strategys_system(own, other):
    chapter = factories.ChapterFactory.build(
        strategy=factories.StrategyFactory(system=own.system),
        place=factories.PlaceFactory(system=other.system),
    )
    assert "not in" in refused(chapter, "place")


def test_a_development_items_body_and_place_are_in_one_system(own, other):
    item = factories.DevelopmentItemFactory.build(
        slug="d", board=own.board, place=factories.PlaceFactory(system=other.system)
    )
    assert "not in" in refused(item, "place")


def test_a_maturity_statements_period_is_of_its_timeline(own):
    statement = factories.MaturityStatementFactory.build(
        timeline=factories.MaturityTimelineFactory(system=own.system),
        period=factories.MaturityPeriodFactory(timeline__system=own.system),
    )
    assert refused(statement, "period").endswith("is a column of another timeline.")


def test_a_seats_dates_are_within_its_bodys(api_as, own):
    own.board.start_date = datetime.date(2022, 7, 1)
    own.board.end_date = datetime.date(2025, 3, 31)
    own.board.status = "dissolved"
    own.board.save()
    response = api_as("secretariat-own").post(
        "/api/v1/posts/",
        {
            "board": own.board.slug,
            "label": "Late seat",
            "start_date": "2022-01-01",
            "end_date": "2026-01-01",
        },
        format="json",
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["start_date"] == [
        f"{own.board} exists from 1 July 2022; a seat on it cannot start earlier."
    ]
    assert errors["end_date"] == [
        f"{own.board} ended on 31 March 2025; a seat on it cannot end later."
    ]
