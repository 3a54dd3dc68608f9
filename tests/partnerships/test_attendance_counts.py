"""Attendance that counts right (issue #14), as councils' own complaints ask: only meetings
held while the member held the seat (joined mid-year, left the day before a meeting);
cancelled meetings not counted; "not recorded" shown apart, never as absent; a substitute sent
shown apart and not as attending — on the board and person pages, the API and CSV, in a fixed
number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerships.selectors import attendance_records
from tests import factories

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def year(own):
    board = factories.BoardFactory(system=own.system, slug="counted-body")
    factories.TermsOfReferenceFactory(
        board=board, in_force_from=D(2024, 1, 1), attendance_expectation_percent=75
    )
    post = factories.PostFactory(board=board)
    dates = [D(2025, m, 10) for m in (1, 3, 5, 7, 9, 11)]
    meetings = [
        factories.MeetingFactory(board=board, date=d, status="held", slug=f"m-{d.month}")
        for d in dates
    ]
    factories.MeetingFactory(board=board, date=D(2025, 12, 1), status="cancelled")
    whole = factories.MembershipFactory(
        post=post, start_date=D(2024, 1, 1), person__name="Whole Year"
    )
    joined = factories.MembershipFactory(
        post=factories.PostFactory(board=board),
        start_date=D(2025, 6, 1),
        person__name="Joined Mid Year",
    )
    left = factories.MembershipFactory(
        post=factories.PostFactory(board=board),
        start_date=D(2024, 1, 1),
        end_date=D(2025, 5, 9),  # the day before the May meeting
        person__name="Left Early",
    )
    deputy = factories.PersonFactory()
    statuses = ["present", "present_virtually", "substitute", "apologies", "absent", "not_recorded"]
    for meeting, status in zip(meetings, statuses, strict=True):
        factories.AttendanceFactory(
            meeting=meeting,
            person=whole.person,
            membership=whole,
            status=status,
            **({"deputy": deputy} if status == "substitute" else {}),
        )
    for meeting in meetings[3:]:
        factories.AttendanceFactory(
            meeting=meeting, person=joined.person, membership=joined, status="present"
        )
    for meeting in meetings[:2]:
        factories.AttendanceFactory(
            meeting=meeting, person=left.person, membership=left, status="present"
        )
    return board, whole, joined, left


def test_each_member_is_counted_over_the_meetings_held_while_they_held_the_seat(year):
    board, whole, joined, left = year
    from partnerships.models import Membership

    records = {
        r.membership.pk: r
        for r in attendance_records(Membership.objects.filter(post__board=board), 2025)
    }
    w = records[whole.pk]
    assert (w.held, w.expected, w.attended, w.substitute, w.apologies, w.absent) == (
        6,
        5,
        2,
        1,
        1,
        1,
    )
    assert w.not_recorded == 1 and w.rate == 40 and w.meets_expectation is False
    assert w.summary == "Attended 2 of 5 expected (40%); 1 not recorded"
    # Joined in June: the July, September and November meetings only.
    assert records[joined.pk].summary == "Attended 3 of 3 expected (100%)"
    assert records[joined.pk].meets_expectation is True
    # Left the day before the May meeting: January and March only; the cancelled December
    # meeting is nobody's.
    assert records[left.pk].held == 2 and records[left.pk].summary.startswith("Attended 2 of 2")


def test_the_pages_the_api_and_csv_show_it(client, api_as, year):
    board, whole, _, _ = year
    page = client.get("/boards/counted-body/?attendance_year=2025").content.decode()
    assert "Attended 2 of 5 expected (40%); 1 not recorded" in page
    assert "75% expected: not met" in page
    person = client.get(f"/people/{whole.person.slug}/").content.decode()
    assert "Attended 2 of 5 expected (40%); 1 not recorded" in person
    api = api_as("anonymous")
    answer = api.get("/api/v1/boards/counted-body/attendance/?year=2025").json()
    row = next(r for r in answer["results"] if r["person"]["name"] == "Whole Year")
    assert (row["expected"], row["attended"], row["not_recorded"], row["rate"]) == (5, 2, 1, 40)
    assert row["substitute"] == 1 and row["expectation"] == 75
    csv = api.get("/api/v1/boards/counted-body/attendance/?year=2025&format=csv").content
    assert b"Attended 2 of 5 expected (40%)" in csv
    bad = api.get("/api/v1/boards/counted-body/attendance/?year=soon")
    assert bad.status_code == 400
    # The person's own year, across their bodies, through the API too.
    mine = api.get(f"/api/v1/people/{whole.person.slug}/attendance/?year=2025").json()
    [own_row] = mine["results"]
    assert own_row["board"]["slug"] == "counted-body" and own_row["summary"] == row["summary"]
    assert api.get(f"/api/v1/people/{whole.person.slug}/attendance/?year=x").status_code == 400


def test_the_counts_take_a_fixed_number_of_queries(client, api_as, own, year):
    board = year[0]

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    urls = ["/boards/counted-body/?attendance_year=2025", "/api/v1/boards/counted-body/attendance/"]
    before = [queries(url) for url in urls]
    for _ in range(4):
        member = factories.MembershipFactory(
            post=factories.PostFactory(board=board), start_date=D(2024, 1, 1)
        )
        for meeting in board.meetings.filter(status="held"):
            factories.AttendanceFactory(
                meeting=meeting, person=member.person, membership=member, status="present"
            )
    assert [queries(url) for url in urls] == before
