"""Planned meetings from a body's regular cycle (issue #14): each year's window of months not
yet over that holds no scheduled or held meeting is shown as planned — never as a dated
meeting — until a meeting is scheduled in it."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from partnerships.models import MeetingCycle
from tests import factories

pytestmark = pytest.mark.django_db
D = datetime.date


def test_a_window_is_planned_until_a_meeting_is_scheduled_in_it(own):
    cycle = factories.MeetingCycleFactory(board=own.board)
    on = D(2026, 2, 1)
    assert [p.when for p in cycle.planned([], on)] == [
        "May to June 2026",
        "May to June 2027",
    ]
    scheduled = factories.MeetingFactory(board=own.board, date=D(2026, 6, 2))
    assert [p.when for p in cycle.planned([scheduled], on)] == ["May to June 2027"]
    # A window already over is not planned any more.
    assert [p.when for p in cycle.planned([], D(2026, 7, 1))] == ["May to June 2027"]


def test_a_window_may_run_into_the_next_year(own):
    cycle = factories.MeetingCycleFactory(board=own.board, first_month=12, last_month=1)
    planned = cycle.planned([], D(2026, 12, 20), years=1)
    assert [(p.first, p.last, p.when) for p in planned] == [
        (D(2026, 12, 1), D(2027, 1, 31), "December 2026 to January 2027")
    ]


def test_a_cycle_names_both_months_or_neither_on_every_door(own, login):
    with pytest.raises(ValidationError) as caught:
        MeetingCycle(board=own.board, description="May", first_month=5).full_clean()
    assert caught.value.message_dict["last_month"] == [
        "Give both months of the window (1 to 12), or neither."
    ]
    with pytest.raises(ValidationError) as caught:
        MeetingCycle(
            board=own.board, description="Three to four", per_year_min=4, per_year_max=3
        ).full_clean()
    assert "cannot be more than the most" in caught.value.message_dict["per_year_max"][0]
    from tests.helpers.admin_forms import page_data

    client = login("secretariat-own")
    url = "/admin/partnerships/meetingcycle/add/"
    data = page_data(client.get(url))
    data.update(
        {"board": own.board.pk, "description": "May", "first_month": "5", "kind": "ordinary"}
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Give both months of the window" in response.content.decode()
    assert not MeetingCycle.objects.exists()


def test_the_body_page_and_the_api_show_the_planned_meetings(client, api_as, own):
    from icsgov.core.dates import today

    year = today().year + 1
    factories.MeetingCycleFactory(board=own.board, description="May/June each year")
    page = client.get(f"/boards/{own.board.slug}/").content.decode()
    assert f"May to June {year}: planned" in page
    assert "May/June each year" in page
    rows = api_as("anonymous").get(f"/api/v1/meeting-cycles/?board={own.board.slug}").json()
    assert f"May to June {year}" in [p["when"] for p in rows["results"][0]["planned"]]
