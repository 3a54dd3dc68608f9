"""Deputies: decided once (partnerships.visibility). A member's attendance stays public; the
name of a deputy who is not published does not — on the meeting page and in the API alike."""

import pytest

from partnerships.choices import AttendanceStatus
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def attended_by_deputy(own):
    meeting = factories.MeetingFactory(board=own.board, slug="the-meeting")
    hidden = factories.PersonFactory(name="Unpublished Deputy", is_published=False)
    factories.AttendanceFactory(
        meeting=meeting,
        person=own.membership.person,
        membership=own.membership,
        status=AttendanceStatus.SUBSTITUTE,
        deputy=hidden,
    )
    return meeting


def test_the_meeting_page_shows_the_members_attendance_without_the_deputys_name(
    client, own, attended_by_deputy
):
    page = client.get("/meetings/the-meeting/").content.decode()
    assert own.membership.person.name in page
    assert "Represented by a substitute or deputy" in page
    assert "Unpublished Deputy" not in page


def test_the_api_shows_the_same(api_as, own, attended_by_deputy):
    rows = api_as("anonymous").get("/api/v1/attendance/?meeting=the-meeting").json()["results"]
    assert [(r["person"]["name"], r["status"], r["deputy"]) for r in rows] == [
        (own.membership.person.name, "substitute", None)
    ]
    staff = api_as("secretariat-own").get("/api/v1/attendance/?meeting=the-meeting").json()
    assert staff["results"][0]["deputy"]["name"] == "Unpublished Deputy"
