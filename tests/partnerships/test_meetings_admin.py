"""Meetings in the admin: attendance offers the body's members as at the meeting date, and rows
that clash (the same person twice, two decisions with one number) are a form error with nothing
saved."""

import datetime

import pytest

from partnerships.models import Decision
from tests import factories
from tests.helpers.admin_forms import add_page_data, add_rows, change_url, inline_errors, page_data


@pytest.mark.django_db
def test_attendance_offers_the_boards_members_as_at_the_meeting_date(login, own):
    meeting = factories.MeetingFactory(board=own.board, date=datetime.date(2023, 1, 12))
    later = factories.MembershipFactory(
        post=factories.PostFactory(board=own.board), start_date=datetime.date(2024, 1, 1)
    )
    elsewhere = factories.MembershipFactory()
    response = login("secretariat-own").get(f"/admin/partnerships/meeting/{meeting.pk}/change/")
    formset = response.context["inline_admin_formsets"][0].formset
    offered = set(formset.empty_form.fields["membership"].queryset)
    assert own.membership in offered
    assert later not in offered and elsewhere not in offered


@pytest.mark.django_db
def test_the_same_person_twice_at_a_meeting_is_an_error(login, own):
    meeting = factories.MeetingFactory(board=own.board, date=datetime.date(2024, 1, 10))
    client = login("secretariat-own")
    url = change_url(meeting)
    data = page_data(client.get(url))
    person = own.membership.person_id
    add_rows(
        data,
        "attendance",
        [{"person": person, "status": "present"}, {"person": person, "status": "apologies"}],
    )
    errors = inline_errors(client.post(url, data), "attendance")
    assert any("person" in m or f == "person" for f, m in errors), errors
    assert not meeting.attendance.exists()


@pytest.mark.django_db
def test_two_decisions_with_one_number_on_a_new_meeting_are_an_error(login, own):
    client = login("secretariat-own")
    meeting = factories.MeetingFactory(board=own.board, title="Template meeting")
    data = add_page_data(client, meeting, title="New meeting", slug="new-meeting")
    add_rows(
        data, "decisions", [{"order": "1", "text": "Agreed."}, {"order": "1", "text": "Noted."}]
    )
    errors = inline_errors(client.post("/admin/partnerships/meeting/add/", data), "decisions")
    assert any("order" in m for f, m in errors), errors
    assert not Decision.objects.exists()
    assert not own.board.meetings.filter(slug="new-meeting").exists()
