"""Development plans through the API: development items (a body's or a place's table rows, with
their due date at its precision) and maturity timelines (periods in the list; periods and
statements in the detail), with maturity periods and statements as lists of their own. Nothing
of an unpublished body or a synthetic system reaches an anonymous client."""

import datetime

import pytest

from icsgov.core.dates import DatePrecision
from tests import factories
from tests.helpers.api import results, slugs

D = datetime.date


@pytest.fixture
def plan(db):
    system = factories.SystemFactory(slug="hiow")
    place = factories.PlaceFactory(system=system, slug="southampton")
    board = factories.BoardFactory(system=system, slug="southampton-hcpb")
    factories.DevelopmentItemFactory(
        slug="place-budget",
        place=place,
        board=None,
        area="System financial plan",
        development_required="Agree Place Budget for 2023/24.",
        due_date=D(2023, 3, 1),
        due_precision=DatePrecision.MONTH,
        status="in_progress",
        order=1,
    )
    factories.DevelopmentItemFactory(
        slug="board-terms",
        place=None,
        board=board,
        area="Governance",
        development_required="Agree terms of reference.",
        due_date=D(2022, 11, 30),
        status="done",
        order=2,
    )
    return system


def test_a_development_item_in_full(api, plan):
    row = api.get("/api/v1/development-items/place-budget/").json()
    assert row["area"] == "System financial plan"
    assert row["development_required"] == "Agree Place Budget for 2023/24."
    assert (row["due_date"], row["due_precision"], row["due"]) == (
        "2023-03-01",
        "month",
        "March 2023",
    )
    assert row["status"] == "in_progress"
    assert row["place"]["slug"] == "southampton"
    assert row["board"] is None
    assert row["system"]["slug"] == "hiow"
    assert {"source", "source_section", "known_as_of"} <= set(row)
    assert api.get("/api/v1/development-items/board-terms/").json()["system"]["slug"] == "hiow"


def test_development_items_filter_by_system_body_place_status_and_due_date(api, plan):
    factories.DevelopmentItemFactory(slug="elsewhere")
    url = "/api/v1/development-items/"
    assert slugs(api.get(f"{url}?system=hiow&ordering=order")) == ["place-budget", "board-terms"]
    assert slugs(api.get(f"{url}?place=southampton")) == ["place-budget"]
    assert slugs(api.get(f"{url}?board=southampton-hcpb")) == ["board-terms"]
    assert slugs(api.get(f"{url}?status=done")) == ["board-terms"]
    assert slugs(api.get(f"{url}?system=hiow&due_date_after=2023-01-01")) == ["place-budget"]
    assert slugs(api.get(f"{url}?q=terms+of+reference")) == ["board-terms"]
    assert api.get(f"{url}?due_date_after=soon").status_code == 400


def test_an_unpublished_bodys_development_items_are_private(api, staff_api, plan):
    factories.DevelopmentItemFactory(
        slug="hidden-item", place=None, board=factories.BoardFactory(is_published=False)
    )
    factories.DevelopmentItemFactory(slug="synthetic-item", place__system__is_synthetic=True)
    assert sorted(slugs(api.get("/api/v1/development-items/"))) == ["board-terms", "place-budget"]
    assert api.get("/api/v1/development-items/hidden-item/").status_code == 404
    assert len(slugs(staff_api.get("/api/v1/development-items/"))) == 4


@pytest.fixture
def timeline(db):
    timeline = factories.MaturityTimelineFactory(slug="clusters-2018", subject="Clusters")
    first = factories.MaturityPeriodFactory(
        timeline=timeline,
        order=1,
        label="October 2018 – March 2019",
        start_date=D(2018, 10, 1),
        start_precision=DatePrecision.MONTH,
        end_date=D(2019, 3, 1),
        end_precision=DatePrecision.MONTH,
    )
    second = factories.MaturityPeriodFactory(timeline=timeline, order=2, label="2019/20")
    factories.MaturityStatementFactory(
        timeline=timeline, period=second, domain="Care redesign", text="Anticipatory care"
    )
    factories.MaturityStatementFactory(
        timeline=timeline, period=first, domain="Care redesign", text="Core team defined"
    )
    factories.MaturityStatementFactory(
        timeline=timeline, period=first, domain="Workforce", text="Roles mapped"
    )
    return timeline


def test_a_timeline_lists_its_periods_and_its_detail_its_statements(api, timeline):
    listed = results(api.get("/api/v1/maturity-timelines/"))
    assert [r["slug"] for r in listed] == ["clusters-2018"]
    assert [p["label"] for p in listed[0]["periods"]] == ["October 2018 – March 2019", "2019/20"]
    assert "statements" not in listed[0]
    row = api.get("/api/v1/maturity-timelines/clusters-2018/").json()
    first = row["periods"][0]
    assert (first["start_date"], first["start_precision"]) == ("2018-10-01", "month")
    assert (first["end_date"], first["end_precision"]) == ("2019-03-01", "month")
    assert first["when"] == "October 2018 – March 2019"
    cells = [(s["domain"], s["period"]["label"], s["text"]) for s in row["statements"]]
    assert cells == [
        ("Care redesign", "October 2018 – March 2019", "Core team defined"),
        ("Care redesign", "2019/20", "Anticipatory care"),
        ("Workforce", "October 2018 – March 2019", "Roles mapped"),
    ]
    assert {"source", "source_section", "known_as_of"} <= set(row)


def test_statements_filter_by_timeline_domain_and_period(api, timeline):
    factories.MaturityStatementFactory(text="Another timeline's")
    first = timeline.periods.get(order=1)
    url = "/api/v1/maturity-statements/"

    def texts(query):
        return [r["text"] for r in results(api.get(url + query))]

    assert texts("?timeline=clusters-2018&domain=care+redesign") == [
        "Core team defined",
        "Anticipatory care",
    ]
    assert texts(f"?period={first.pk}&ordering=-domain") == ["Roles mapped", "Core team defined"]
    assert texts("?q=mapped") == ["Roles mapped"]
    row = results(api.get(f"{url}?period={first.pk}&domain=workforce"))[0]
    assert row["timeline"]["slug"] == "clusters-2018"
    assert row["period"]["url"] == f"http://testserver/api/v1/maturity-periods/{first.pk}/"
    assert api.get(f"{url}?period=first").status_code == 400
    periods = results(api.get("/api/v1/maturity-periods/?timeline=clusters-2018"))
    assert [p["label"] for p in periods] == ["October 2018 – March 2019", "2019/20"]
    assert periods[0]["timeline"]["slug"] == "clusters-2018"


def test_a_synthetic_systems_timelines_are_never_public(api, staff_api, timeline):
    statement = factories.MaturityStatementFactory(period__timeline__system__is_synthetic=True)
    hidden = statement.timeline
    assert slugs(api.get("/api/v1/maturity-timelines/")) == ["clusters-2018"]
    assert api.get(f"/api/v1/maturity-timelines/{hidden.slug}/").status_code == 404
    assert api.get(f"/api/v1/maturity-statements/{statement.pk}/").status_code == 404
    assert api.get(f"/api/v1/maturity-periods/{statement.period.pk}/").status_code == 404
    assert api.get(f"/api/v1/maturity-statements/?period={statement.period.pk}").status_code == 400
    assert staff_api.get(f"/api/v1/maturity-statements/{statement.pk}/").status_code == 200
