"""A date known only to the month reads "November 2022" everywhere: the pages, the admin lists,
the API's JSON and CSV (the date with its precision), and never becomes a day in a calendar."""

import csv
import datetime
import io

import pytest
from icalendar import Calendar

from icsgov.core.dates import DatePrecision
from tests import factories

pytestmark = pytest.mark.django_db

NOVEMBER = datetime.date(2022, 11, 1)


@pytest.fixture
def month_board(own):
    board = factories.BoardFactory(
        system=own.system,
        slug="month-board",
        name="Month Board",
        start_date=NOVEMBER,
        start_precision=DatePrecision.MONTH,
    )
    factories.MembershipFactory(
        post=factories.PostFactory(board=board),
        start_date=NOVEMBER,
        start_precision=DatePrecision.MONTH,
        person__name="Month Member",
    )
    return board


def test_the_page_says_the_month(client, month_board):
    html = client.get("/boards/month-board/?as_at=2023-01-01").content.decode()
    assert "November 2022" in html
    assert "1 November 2022" not in html


def test_the_admin_list_says_the_month(login, month_board):
    html = login("secretariat-own").get("/admin/partnerships/membership/").content.decode()
    assert "November 2022" in html
    assert "Nov. 1, 2022" not in html and "1 Nov 2022" not in html


def test_json_and_csv_carry_the_precision(api, month_board):
    board = api.get("/api/v1/boards/month-board/").json()
    assert (board["start_date"], board["start_precision"]) == ("2022-11-01", "month")
    rows = list(csv.DictReader(io.StringIO(api.get("/api/v1/boards/?format=csv").content.decode())))
    row = next(r for r in rows if r["slug"] == "month-board")
    assert (row["start_date"], row["start_precision"]) == ("2022-11-01", "month")


def test_a_meeting_known_to_the_month_is_not_a_day_in_the_calendar(client, month_board):
    factories.MeetingFactory(
        board=month_board,
        title="Some day in May",
        date=datetime.date(2023, 5, 1),
        date_precision=DatePrecision.MONTH,
    )
    factories.MeetingFactory(board=month_board, title="On the day", date=datetime.date(2023, 6, 8))
    calendar = Calendar.from_ical(client.get("/boards/month-board/calendar.ics").content)
    titles = [str(event["summary"]) for event in calendar.walk("VEVENT")]
    assert titles == ["Month Board: On the day"]
