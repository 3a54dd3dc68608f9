"""An attendance belongs to a member of the meeting's body on the meeting date: the rule is in
``Attendance.clean()`` (partnerships.rules.attendance), so the meeting page's rows, the
standalone attendance admin, the API and the model itself all refuse the same, with the same
message."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from partnerships.models import Attendance
from tests import factories
from tests.helpers.admin_forms import page_data

pytestmark = pytest.mark.django_db

ENDED = "That appointment was not in effect on 12 January 2023"


@pytest.fixture
def setting(own):
    meeting = factories.MeetingFactory(board=own.board, date=datetime.date(2023, 1, 12))
    ended = factories.MembershipFactory(
        post=factories.PostFactory(board=own.board),
        start_date=datetime.date(2022, 7, 1),
        end_date=datetime.date(2023, 1, 11),  # left the day before the meeting
    )
    elsewhere = factories.MembershipFactory(
        post=factories.PostFactory(board=factories.BoardFactory(system=own.system))
    )
    return meeting, ended, elsewhere


def test_the_model_refuses_an_appointment_not_in_effect_on_the_meeting_date(setting):
    meeting, ended, _ = setting
    attendance = Attendance(meeting=meeting, person=ended.person, membership=ended)
    with pytest.raises(ValidationError) as caught:
        attendance.full_clean()
    assert ENDED in caught.value.message_dict["membership"][0]


def test_the_model_refuses_an_appointment_to_another_body(setting):
    meeting, _, elsewhere = setting
    attendance = Attendance(meeting=meeting, person=elsewhere.person, membership=elsewhere)
    with pytest.raises(ValidationError) as caught:
        attendance.full_clean()
    assert caught.value.message_dict["membership"] == [
        f"That appointment is to {elsewhere.post.board}, not to {meeting.board}, whose meeting "
        "this is."
    ]


def test_a_meeting_known_to_the_month_counts_the_whole_month(own):
    meeting = factories.MeetingFactory(
        board=own.board, date=datetime.date(2023, 1, 1), date_precision="month"
    )
    joined_mid_month = factories.MembershipFactory(
        post=factories.PostFactory(board=own.board), start_date=datetime.date(2023, 1, 20)
    )
    Attendance(
        meeting=meeting, person=joined_mid_month.person, membership=joined_mid_month
    ).full_clean()


def test_the_api_refuses_it_with_the_same_message(api_as, setting):
    meeting, ended, _ = setting
    response = api_as("secretariat-own").post(
        "/api/v1/attendance/",
        {"meeting": meeting.slug, "person": ended.person.slug, "membership": ended.slug},
        format="json",
    )
    assert response.status_code == 400
    assert ENDED in response.json()["errors"]["membership"][0]
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_the_standalone_attendance_admin_refuses_it_too(login, setting):
    meeting, ended, _ = setting
    client = login("secretariat-own")
    add = "/admin/partnerships/attendance/add/"
    data = page_data(client.get(add))
    data.update(
        {
            "meeting": str(meeting.pk),
            "person": str(ended.person.pk),
            "membership": str(ended.pk),
            "status": "present",
        }
    )
    response = client.post(add, data)
    assert response.status_code == 200
    assert ENDED in str(response.context["adminform"].form.errors["membership"])
    assert not Attendance.objects.filter(meeting=meeting).exists()
