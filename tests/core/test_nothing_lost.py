"""Nothing lost: public records are ended or withdrawn, not deleted, except by superusers (the API
and the admin alike); every deletion is in the history, visible to the staff of the system it
happened in; two people editing one record — the second save is refused, never an overwrite;
a slug, once given, does not change."""

import datetime

import pytest

from partnerships.models import Meeting
from tests import factories
from tests.helpers.admin_forms import page_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(own):
    meeting = factories.MeetingFactory(board=own.board, slug="the-meeting")
    factories.MeetingPaperFactory(meeting=meeting)
    factories.DecisionFactory(meeting=meeting)
    return meeting


def test_a_secretariat_token_cannot_delete_a_meeting_and_is_told_what_to_do(api_as, meeting):
    response = api_as("secretariat-own").delete("/api/v1/meetings/the-meeting/")
    assert response.status_code == 403
    assert "cancelled (status cancelled)" in response.json()["detail"]
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    assert meeting.papers.count() == 1 and meeting.decisions.count() == 1


def test_a_superuser_may_delete_one(api_as, meeting):
    assert api_as("superuser").delete("/api/v1/meetings/the-meeting/").status_code == 204
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/partnerships/membership/",
        "/admin/partnerships/meeting/",
        "/admin/partnerships/termsofreference/",
        "/admin/strategy/milestone/",
        "/admin/partnerships/attendance/",
        "/admin/partnerships/decision/",
    ],
)
def test_the_admin_offers_secretariat_users_no_delete_action(login, url, own, meeting):
    factories.AttendanceFactory(meeting=meeting, person=own.membership.person)
    factories.TermsOfReferenceFactory(board=meeting.board)
    factories.MilestoneFactory(system=meeting.board.system)
    page = login("secretariat-own").get(url)
    assert page.status_code == 200
    assert "delete_selected" not in page.content.decode()
    assert "delete_selected" in login("superuser").get(url).content.decode()


def test_the_admin_refuses_a_secretariat_users_delete_of_ratified_terms(login, own):
    terms = factories.TermsOfReferenceFactory(board=own.board)
    url = f"/admin/partnerships/termsofreference/{terms.pk}/delete/"
    response = login("secretariat-own").post(url, {"post": "yes"})
    assert response.status_code == 403
    assert terms.__class__.objects.filter(pk=terms.pk).exists()


def test_a_deletion_is_in_the_history_for_the_staff_of_its_system(api_as, meeting):
    api_as("superuser").delete("/api/v1/meetings/the-meeting/")
    query = "/api/v1/changes/?label=delete&model=partnerships.meeting"
    mine = api_as("viewer-own").get(query).json()["results"]
    assert [r["object_slug"] for r in mine] == ["the-meeting"]
    assert api_as("secretariat-other").get(query).json()["results"] == []
    assert api_as("anonymous").get(query).json()["results"] == []


def test_a_stale_write_is_refused_with_412_and_a_fresh_one_applies(api_as, own):
    client = api_as("secretariat-own")
    url = f"/api/v1/memberships/{own.membership.slug}/"
    read = client.get(url)
    stale = read["ETag"]
    assert (
        client.patch(url, {"notes": "First."}, format="json", HTTP_IF_MATCH=stale).status_code
        == 200
    )
    response = client.patch(url, {"notes": "Second."}, format="json", HTTP_IF_MATCH=stale)
    assert response.status_code == 412
    assert "changed since you read it" in response.json()["detail"]
    own.membership.refresh_from_db()
    assert own.membership.notes == "First."
    fresh = client.get(url)["ETag"]
    assert (
        client.patch(url, {"notes": "Third."}, format="json", HTTP_IF_MATCH=fresh).status_code
        == 200
    )


def test_a_meeting_read_then_written_with_its_etag_is_saved(api_as, meeting):
    """The ETag a write compares is the detail's, which for a meeting carries its quoracy
    (the list's fields do not): a fresh If-Match applies, a stale one is a 412."""
    client = api_as("secretariat-own")
    url = "/api/v1/meetings/the-meeting/"
    read = client.get(url)
    assert "quoracy" in read.json()
    fresh = read["ETag"]
    written = client.patch(url, {"location": "Civic Centre"}, format="json", HTTP_IF_MATCH=fresh)
    assert written.status_code == 200, written.content[:300]
    assert written.json() == client.get(url).json()  # the answer is the detail as read
    assert written["ETag"] == client.get(url)["ETag"]
    stale = client.patch(url, {"location": "Town Hall"}, format="json", HTTP_IF_MATCH=fresh)
    assert stale.status_code == 412
    meeting.refresh_from_db()
    assert meeting.location == "Civic Centre"


def test_the_second_of_two_admin_saves_of_one_record_is_refused(login, own):
    person = factories.PersonFactory(system=own.system)
    url = f"/admin/partnerships/person/{person.pk}/change/"
    first = login("secretariat-own")
    opened = page_data(first.get(url))  # two people open the page ...
    data = dict(opened, biography="Saved first.")
    assert first.post(url, data).status_code == 302  # ... one saves ...
    response = first.post(url, dict(opened, biography="Saved second."))  # ... then the other
    assert response.status_code == 200
    assert "Someone else changed this record since you opened it" in response.content.decode()
    person.refresh_from_db()
    assert person.biography == "Saved first."


def test_a_slug_cannot_be_changed_in_the_admin_once_given(login, own):
    url = f"/admin/partnerships/board/{own.board.pk}/change/"
    client = login("secretariat-own")
    page = client.get(url)
    assert "slug" not in page.context["adminform"].form.fields
    data = dict(page_data(page), slug="a-new-address")
    client.post(url, data)
    own.board.refresh_from_db()
    assert own.board.slug != "a-new-address"


def test_an_appointment_is_ended_by_an_edit(api_as, own):
    client = api_as("secretariat-own")
    url = f"/api/v1/memberships/{own.membership.slug}/"
    assert client.patch(url, {"end_date": "2024-03-31"}, format="json").status_code == 200
    own.membership.refresh_from_db()
    assert own.membership.end_date == datetime.date(2024, 3, 31)
