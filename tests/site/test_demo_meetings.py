"""The demonstration system exercises meetings as run (issue #14): a meeting below quorum, a
substitute attending for a member, a member who joined mid-year, attendance not recorded, a
recommendation with no decision recorded — seen through the pages and the API."""

import io

import pytest
from django.core.management import call_command

from partnerships.models import Decision, Meeting, Membership
from partnerships.quorum import quoracy_of
from partnerships.selectors import attendance_records

pytestmark = pytest.mark.django_db
BOARD = "demo-icb-board"


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_the_icb_boards_year_shows_each_case(demo, client, api_as):
    meetings = list(Meeting.objects.filter(board__slug=BOARD).order_by("date"))
    answers = quoracy_of(meetings)
    states = [answers[m.pk].state for m in meetings]
    assert states[2] == "not_quorate" and states[-1] == "cannot_say"
    assert answers[meetings[2].pk].reason == "2 of 5 voting members present (quorum 3)"
    assert answers[meetings[3].pk].state == "quorate"
    assert meetings[3].attendance.filter(status="substitute", deputy__isnull=False).exists()
    page = client.get(f"/meetings/{meetings[2].slug}/").content.decode()
    assert "Not quorate: 2 of 5 voting members present (quorum 3)" in page
    detail = api_as("anonymous").get(f"/api/v1/meetings/{meetings[2].slug}/").json()
    assert detail["quoracy"]["state"] == "not_quorate"

    records = {
        r.membership.slug: r
        for r in attendance_records(Membership.objects.filter(post__board__slug=BOARD), 2025)
    }
    # The associate joined in October 2025: only the November meeting of 2025 is theirs.
    assert records["demo-icb-board-associate-1"].held == 1
    assert records["demo-icb-board-4-1"].substitute == 1
    # The March 2026 meeting's attendance is not recorded: it is not counted as absence.
    march = attendance_records(Membership.objects.filter(slug="demo-icb-board-1-1"), 2026)[0]
    assert march.not_recorded == 1 and march.absent == 0

    assert Decision.objects.filter(meeting__board__slug=BOARD).recommendations().count() == 1
    register = client.get(f"/boards/{BOARD}/decisions/").content.decode()
    assert "refreshed digital strategy" not in register
    assert "Approved the minutes of the previous meeting." in register
