"""Joint strategic needs assessments the integrated care partnership received, the strategy's
reconsiderations, and the check ``strategy.jsna-reconsidered`` (LGPIHA 2007 s116ZB(6)) through
the command's JSON, ``/api/v1/compliance/``, the admin and the strategy's public page."""

import datetime
import io
import json

import pytest
from django.core.management import call_command

from icsgov.core.dates import DatePrecision
from partnerships.choices import BoardKind, OrganisationKind
from strategy.models import NeedsAssessment, Reconsideration
from tests import factories as f

D = datetime.date
CHECK = "strategy.jsna-reconsidered"


@pytest.fixture
def strategy(db):
    """A real system's integrated care strategy published in December 2022, and Southshire's
    assessment received by its partnership on 20 March 2024 (through its HWB)."""
    system = f.SystemFactory(name="South", slug="south")
    strategy = f.StrategyFactory(
        system=system, slug="south-ics", published_on=D(2022, 12, 15), name="South strategy"
    )
    council = f.CouncilFactory(name="Southshire County Council", system=None)
    hwb = f.BoardFactory(
        system=system, name="Southshire HWB", kind=BoardKind.HEALTH_AND_WELLBEING_BOARD
    )
    f.NeedsAssessmentFactory(
        system=system,
        council=council,
        health_and_wellbeing_board=hwb,
        title="Southshire JSNA 2024",
        received_on=D(2024, 3, 20),
    )
    return strategy


def command(*args):
    out = io.StringIO()
    try:
        call_command("governance_check", *args, "--format", "json", stdout=out)
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, json.loads(out.getvalue())


def findings(system="south", on="2024-06-01"):
    code, answer = command("--system", system, "--as-at", on, "--check", CHECK)
    return code, answer["findings"]


def api_findings(api, on="2024-06-01"):
    response = api.get(f"/api/v1/compliance/?system=south&check={CHECK}&as_at={on}")
    assert response.status_code == 200, response.content[:300]
    return response.json()["results"]


def test_a_reconsideration_on_or_after_the_receipt_passes(api, strategy):
    f.ReconsiderationFactory(strategy=strategy, considered_on=D(2024, 3, 20))
    assert findings() == (0, [])
    assert api_findings(api) == []


def test_no_reconsideration_since_the_receipt_is_an_error_naming_the_assessment_and_hwb(
    api, strategy
):
    # One before the receipt does not count.
    f.ReconsiderationFactory(strategy=strategy, considered_on=D(2023, 11, 1))
    code, [row] = findings()
    assert code == 1
    assert row["severity"] == "error" and not row["undecidable"]
    assert row["record"] == "Southshire JSNA 2024"
    assert (
        "'Southshire JSNA 2024' of Southshire County Council (Southshire HWB) was received by "
        "the integrated care partnership on 20 March 2024" in row["message"]
    )
    assert "s116ZB(6)" in row["message"] and "116ZB(6)" in row["source"]
    assert row["source_url"] == "https://www.legislation.gov.uk/ukpga/2007/28/section/116ZB"
    assert row["link"] == "/strategies/south-ics/#needs-assessments"
    assert row["body"] is None  # no statutory ICP recorded
    [through_api] = api_findings(api)
    assert through_api["message"] == row["message"]
    # With the system's statutory ICP recorded, the finding names it as its body.
    icp = f.BoardFactory(system=strategy.system, kind=BoardKind.STATUTORY_ICP, slug="south-icp")
    [row] = findings()[1]
    assert row["body"] == "south-icp"
    query = f"/api/v1/compliance/?body={icp.slug}&check={CHECK}&as_at=2024-06-01"
    assert [r["record"] for r in api.get(query).json()["results"]] == ["Southshire JSNA 2024"]
    # As at a date before the receipt, nothing was due yet: no assessment was received then.
    code, [before] = findings(on="2024-03-19")
    assert code == 0 and before["severity"] == "information"


def test_a_receipt_known_only_to_the_month_cannot_be_ordered_with_a_reconsideration_in_it(
    api, strategy
):
    NeedsAssessment.objects.update(received_on=D(2024, 3, 1), received_precision="month")
    f.ReconsiderationFactory(strategy=strategy, considered_on=D(2024, 3, 14))
    code, [row] = findings()
    assert code == 0 and row["undecidable"] and row["severity"] == "error"
    assert "received by the integrated care partnership in March 2024" in row["message"]
    assert "precision cannot tell" in row["message"]
    assert api_findings(api)[0]["undecidable"] is True
    # A reconsideration after the month is over decides it.
    f.ReconsiderationFactory(strategy=strategy, considered_on=D(2024, 4, 2))
    assert findings() == (0, [])


def test_a_receipt_whose_month_straddles_the_date_is_undecidable(strategy):
    NeedsAssessment.objects.update(received_on=D(2024, 3, 1), received_precision="month")
    code, [row] = findings(on="2024-03-15")
    assert code == 0 and row["undecidable"]
    assert "whether it had been received by 15 March 2024 cannot be told" in row["message"]


def test_a_receipt_not_recorded_is_undecidable(strategy):
    NeedsAssessment.objects.update(received_on=None)
    code, [row] = findings()
    assert code == 0 and row["undecidable"]
    assert "when the integrated care partnership received it is not recorded" in row["message"]


def test_no_assessment_recorded_is_information_never_a_breach(api, strategy):
    NeedsAssessment.objects.all().delete()
    code, [row] = findings()
    assert code == 0
    assert row["severity"] == "information" and row["undecidable"]
    assert "No joint strategic needs assessment received by South's" in row["message"]
    assert "not recorded" in row["message"]
    [through_api] = api_findings(api)
    assert through_api["severity"] == "information"


def test_an_assessment_received_before_the_first_strategy_is_not_checked(strategy):
    NeedsAssessment.objects.update(received_on=D(2022, 10, 1))
    assert findings() == (0, [])


def test_an_unpublished_assessment_is_found_but_not_shown_to_anonymous_clients(api, strategy):
    NeedsAssessment.objects.update(is_published=False)
    code, [row] = findings()
    assert code == 1 and row["link"] is None
    assert api_findings(api) == []


def test_the_strategy_page_and_api_show_the_assessments_and_reconsiderations(client, strategy):
    f.ReconsiderationFactory(
        strategy=strategy, considered_on=D(2024, 4, 18), outcome="revised", notes="Refreshed."
    )
    f.NeedsAssessmentFactory(system=strategy.system, title="Hidden JSNA", is_published=False)
    f.NeedsAssessmentFactory(
        system=strategy.system,
        title="Eastshire JSNA 2024",
        health_and_wellbeing_board=f.BoardFactory(
            system=strategy.system,
            name="Unpublished HWB",
            kind=BoardKind.HEALTH_AND_WELLBEING_BOARD,
            is_published=False,
        ),
    )
    html = client.get("/strategies/south-ics/").content.decode()
    # An assessment whose board is not public is shown without the board.
    assert "Eastshire JSNA 2024" in html and "Unpublished HWB" not in html
    assert "Southshire JSNA 2024" in html and "Southshire County Council" in html
    assert "20 March 2024" in html and "18 April 2024" in html and "Revised" in html
    assert "Hidden JSNA" not in html
    rows = client.get("/api/v1/needs-assessments/?system=south").json()["results"]
    by_title = {row["title"]: row for row in rows}
    assert set(by_title) == {"Southshire JSNA 2024", "Eastshire JSNA 2024"}
    south = by_title["Southshire JSNA 2024"]
    assert south["received_on"] == "2024-03-20" and south["received_precision"] == "day"
    assert south["health_and_wellbeing_board"]["name"] == "Southshire HWB"
    assert by_title["Eastshire JSNA 2024"]["health_and_wellbeing_board"] is None
    assert client.get("/api/v1/needs-assessments/?as_at=2024-03-19").json()["count"] == 0
    [again] = client.get("/api/v1/reconsiderations/?strategy=south-ics").json()["results"]
    assert again["outcome"] == "revised" and again["considered_on"] == "2024-04-18"


def test_the_admin_refuses_a_board_that_is_not_an_hwb_and_a_council_that_is_not_upper_tier(
    admin_client, strategy
):
    system = strategy.system
    icb_board = f.BoardFactory(system=system, name="South ICB board", kind=BoardKind.ICB_BOARD)
    district = f.OrganisationFactory(
        system=None, name="Little District", kind=OrganisationKind.DISTRICT_COUNCIL
    )
    response = admin_client.post(
        "/admin/strategy/needsassessment/add/",
        {
            "system": system.pk,
            "council": district.pk,
            "health_and_wellbeing_board": icb_board.pk,
            "title": "Wrong",
            "published_precision": "day",
            "received_on": "2024-05-01",
            "received_precision": "day",
            "is_published": "on",
        },
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "South ICB board is not a health and wellbeing board" in " ".join(
        form.errors["health_and_wellbeing_board"]
    )
    # The form offers upper-tier councils only (the model's clean() says why to other doors).
    assert "council" in form.errors
    assert not NeedsAssessment.objects.filter(title="Wrong").exists()


def test_only_an_integrated_care_strategy_is_reconsidered(admin_client, strategy):
    plan = f.StrategyFactory(system=strategy.system, kind="joint_forward_plan", name="JFP")
    response = admin_client.post(
        "/admin/strategy/reconsideration/add/",
        {
            "strategy": plan.pk,
            "considered_on": "2024-05-01",
            "considered_precision": DatePrecision.DAY,
            "outcome": "not_revised",
        },
    )
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["strategy"])
    assert "'JFP' is not an integrated care strategy" in errors
    assert not Reconsideration.objects.filter(strategy=plan).exists()


def test_the_check_reads_a_fixed_number_of_queries_however_many_systems(
    db, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from icsgov.core.checks import run_checks

    def system_with_assessment():
        strategy = f.StrategyFactory(published_on=D(2022, 12, 1))
        f.NeedsAssessmentFactory(system=strategy.system, received_on=D(2024, 3, 1))

    system_with_assessment()
    with CaptureQueriesContext(connection) as few:
        run_checks(as_at=D(2024, 6, 1), check_ids=[CHECK])
    for _ in range(5):
        system_with_assessment()
    with django_assert_max_num_queries(len(few.captured_queries)):
        run_checks(as_at=D(2024, 6, 1), check_ids=[CHECK])
