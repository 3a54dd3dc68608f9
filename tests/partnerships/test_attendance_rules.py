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


# The statuses councils use (issue #14): "not recorded" is never absent; a non-member is "in
# attendance"; a substitute is named on the row of the member they stand in for.


def _member(own, **kwargs):
    return factories.MembershipFactory(
        post=factories.PostFactory(board=own.board), start_date=datetime.date(2022, 7, 1), **kwargs
    )


def test_a_new_row_is_not_recorded_until_someone_says(own):
    meeting = factories.MeetingFactory(board=own.board)
    member = _member(own)
    row = Attendance(meeting=meeting, person=member.person, membership=member)
    row.full_clean()
    assert row.status == "not_recorded" and row.get_status_display() == "Not recorded"


def test_a_member_is_not_merely_in_attendance_and_a_non_member_is_nothing_else(own):
    meeting = factories.MeetingFactory(board=own.board)
    member = _member(own)
    with pytest.raises(ValidationError) as caught:
        Attendance(
            meeting=meeting, person=member.person, membership=member, status="in_attendance"
        ).full_clean()
    assert "a member who came is present" in caught.value.message_dict["status"][0]
    guest = factories.PersonFactory()
    for status in ("absent", "apologies", "not_recorded", "present_virtually"):
        with pytest.raises(ValidationError) as caught:
            Attendance(meeting=meeting, person=guest, status=status).full_clean()
        assert (
            "is recorded as 'in attendance (not a member)'"
            in (caught.value.message_dict["status"][0])
        ), status


def test_a_substitutes_own_appointment_is_not_a_second_member(own):
    meeting = factories.MeetingFactory(board=own.board)
    member = _member(own)
    substitute = _member(own, kind="substitute", deputy_for=member)
    with pytest.raises(ValidationError) as caught:
        Attendance(
            meeting=meeting, person=substitute.person, membership=substitute, status="present"
        ).full_clean()
    message = caught.value.message_dict["membership"][0]
    assert "named substitute's appointment" in message and str(member.person) in message
    # On the member's row, naming them, it is accepted.
    Attendance(
        meeting=meeting,
        person=member.person,
        membership=member,
        status="substitute",
        deputy=substitute.person,
    ).full_clean()


def test_nobody_attended_a_cancelled_meeting(own):
    meeting = factories.MeetingFactory(board=own.board, status="cancelled")
    member = _member(own)
    with pytest.raises(ValidationError) as caught:
        Attendance(
            meeting=meeting, person=member.person, membership=member, status="present"
        ).full_clean()
    assert caught.value.message_dict["status"] == [
        "This meeting was cancelled: nobody attended it."
    ]
    Attendance(
        meeting=meeting, person=member.person, membership=member, status="apologies"
    ).full_clean()


def test_the_database_refuses_what_the_rules_refuse(own):
    from django.db import IntegrityError, transaction

    meeting = factories.MeetingFactory(board=own.board)
    member = _member(own)
    bad = [
        {"person": member.person, "membership": member, "status": "substitute"},
        {"person": member.person, "membership": member, "status": "in_attendance"},
        {"person": factories.PersonFactory(), "status": "present"},
        {
            "person": member.person,
            "membership": member,
            "status": "substitute",
            "deputy": member.person,
        },
    ]
    for row in bad:
        with pytest.raises(IntegrityError), transaction.atomic():
            Attendance.objects.create(meeting=meeting, **row)


def test_the_api_refuses_a_non_member_marked_absent_with_the_rules_message(api_as, own):
    guest = factories.PersonFactory(system=own.system)
    meeting = factories.MeetingFactory(board=own.board)
    response = api_as("secretariat-own").post(
        "/api/v1/attendance/",
        {"meeting": meeting.slug, "person": guest.slug, "status": "absent"},
        format="json",
    )
    assert response.status_code == 400
    assert (
        "is recorded as 'in attendance (not a member)'" in (response.json()["errors"]["status"][0])
    )


def test_a_meeting_with_only_not_recorded_rows_still_lacks_attendance(own):
    from partnerships.models import Meeting

    meeting = factories.MeetingFactory(board=own.board, status="held")
    member = _member(own)
    factories.AttendanceFactory(
        meeting=meeting, person=member.person, membership=member, status="not_recorded"
    )
    assert meeting in Meeting.objects.without_attendance(datetime.date(2024, 1, 1))
    meeting.attendance.update(status="absent")
    assert meeting not in Meeting.objects.without_attendance(datetime.date(2024, 1, 1))
