"""Meetings in the admin: attendance offers the body's members as at the meeting date, and rows
that clash (the same person twice, two decisions with one number) are a form error with nothing
saved."""

import datetime

import pytest

from partnerships.models import Decision
from tests import factories
from tests.helpers.admin_forms import (
    add_page_data,
    add_rows,
    change_url,
    form_errors,
    inline_errors,
    page_data,
)


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
        [
            {"person": person, "status": "in_attendance"},
            {"person": person, "status": "in_attendance"},
        ],
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


@pytest.mark.django_db
def test_attendance_is_prefilled_from_the_members_as_at_the_meeting_date(login, own):
    # A body with 3 members, one of whom left the day before the meeting: 2 rows.
    board = factories.BoardFactory(system=own.system)
    meeting = factories.MeetingFactory(board=board, date=datetime.date(2024, 3, 14))
    staying = [
        factories.MembershipFactory(
            post=factories.PostFactory(board=board), start_date=datetime.date(2023, 1, 1)
        )
        for _ in range(2)
    ]
    factories.MembershipFactory(
        post=factories.PostFactory(board=board),
        start_date=datetime.date(2023, 1, 1),
        end_date=datetime.date(2024, 3, 13),
    )
    client = login("secretariat-own")
    url = change_url(meeting)
    page = client.get(url)
    formset = page.context["inline_admin_formsets"][0].formset
    rows = [form.initial for form in formset.forms]
    assert len(rows) == 2
    assert {(r["person"], r["membership"]) for r in rows} == {(m.person_id, m.pk) for m in staying}
    # Nothing invented: a meeting not yet held expects its members.
    assert all(r["status"] == "expected" for r in rows)
    # One click per status: the statuses are radio buttons.
    assert 'type="radio"' in page.content.decode() and "apologies" in page.content.decode()
    # Saving as shown (one changed to apologies) records both, each under its appointment.
    data = page_data(page)
    data["attendance-0-status"] = "present"
    data["attendance-1-status"] = "apologies"
    assert client.post(url, data).status_code == 302
    saved = {(a.membership_id, a.status) for a in meeting.attendance.all()}
    assert {membership for membership, _ in saved} == {m.pk for m in staying}
    assert {status for _, status in saved} == {"present", "apologies"}
    # Once attendance is recorded the page shows it, with no more rows pre-filled.
    again = client.get(url).context["inline_admin_formsets"][0].formset
    assert len(again.forms) == 2 and all(f.instance.pk for f in again.forms)


@pytest.mark.django_db
def test_a_non_member_attends_only_in_attendance_or_as_a_members_substitute(login, own):
    meeting = factories.MeetingFactory(board=own.board, date=datetime.date(2024, 1, 10))
    guest = factories.PersonFactory(name="Invited Guest")
    client = login("secretariat-own")
    url = change_url(meeting)
    data = page_data(client.get(url))
    rows = {
        "apologies": {"person": guest.pk, "membership": "", "status": "apologies"},
        "deputy": {
            "person": guest.pk,
            "membership": "",
            "status": "substitute",
            "deputy": guest.pk,
        },
    }
    for status, row in rows.items():
        submitted = add_rows(dict(data), "attendance", [row])
        errors = inline_errors(client.post(url, submitted), "attendance")
        assert errors, status
        assert not meeting.attendance.filter(person=guest).exists()
    messages = " ".join(m for _, m in inline_errors(client.post(url, submitted), "attendance"))
    assert "row of the member they stand in for" in messages
    refused = add_rows(dict(data), "attendance", [{"person": guest.pk, "status": "present"}])
    messages = " ".join(m for _, m in inline_errors(client.post(url, refused), "attendance"))
    assert "is recorded as 'in attendance (not a member)'" in messages
    ok = add_rows(dict(data), "attendance", [{"person": guest.pk, "status": "in_attendance"}])
    assert client.post(url, ok).status_code == 302
    assert meeting.attendance.get(person=guest).status == "in_attendance"


DECIDED_BY_REFUSAL = (
    "{person} is not a person of {system}: a decision names only people of the system whose body "
    "took it (added, appointed or attending there)."
)


@pytest.mark.django_db
def test_a_decision_named_as_taken_by_another_systems_person_is_refused(login, own, other):
    # The same words as the API (tests/partnerships/test_meetings_api.py), on both admin pages
    # that record who decided: the decision's own page and its row on the meeting's page.
    meeting = factories.MeetingFactory(board=own.board, date=datetime.date(2024, 5, 9))
    decision = factories.DecisionFactory(meeting=meeting, outcome="approved")
    stranger = other.membership.person
    expected = DECIDED_BY_REFUSAL.format(person=stranger, system=own.system)
    client = login("secretariat-own")
    data = page_data(client.get(change_url(decision)))
    data["decided_by"] = [str(own.membership.person_id), str(stranger.pk)]
    response = client.post(change_url(decision), data)
    assert response.status_code == 200
    assert form_errors(response)["decided_by"] == [expected]
    data = page_data(client.get(change_url(meeting)))
    data["decisions-0-decided_by"] = [str(stranger.pk)]
    errors = inline_errors(client.post(change_url(meeting), data), "decisions")
    assert errors == [("decided_by", expected)]
    assert not decision.decided_by.exists()
    # The system's own member is accepted.
    data["decisions-0-decided_by"] = [str(own.membership.person_id)]
    assert client.post(change_url(meeting), data).status_code == 302
    assert list(decision.decided_by.all()) == [own.membership.person]


@pytest.mark.django_db
def test_declarations_are_recorded_on_the_meetings_page_against_its_own_items(login, own):
    from partnerships.models import MeetingDeclaration

    meeting = factories.MeetingFactory(board=own.board, date=datetime.date(2024, 5, 9))
    item = factories.AgendaItemFactory(meeting=meeting, order=1, number="5", title="Capital bids")
    elsewhere = factories.AgendaItemFactory(
        meeting=factories.MeetingFactory(board=own.board), order=1, title="Other meeting's item"
    )
    client = login("secretariat-own")
    url = change_url(meeting)
    page = client.get(url)
    inline = next(
        i for i in page.context["inline_admin_formsets"] if i.formset.prefix == "declarations"
    )
    assert list(inline.formset.empty_form.fields["agenda_item"].queryset) == [item]
    data = page_data(page)
    row = {
        "person": str(own.membership.person_id),
        "agenda_item": str(elsewhere.pk),
        "description": "Director of a bidder.",
        "action": "left_the_room",
        "is_published": "on",
    }
    add_rows(data, "declarations", [row])
    errors = inline_errors(client.post(url, data), "declarations")
    # Another meeting's item is not one of the choices.
    assert (
        "agenda_item",
        "Select a valid choice. That choice is not one of the available choices.",
    ) in errors
    assert not MeetingDeclaration.objects.exists()
    data["declarations-0-agenda_item"] = str(item.pk)
    assert client.post(url, data).status_code == 302
    saved = MeetingDeclaration.objects.get()
    assert (saved.meeting, saved.agenda_item, saved.action) == (meeting, item, "left_the_room")
