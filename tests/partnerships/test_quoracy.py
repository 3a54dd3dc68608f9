"""Quoracy from the terms of reference in force (partnerships.quorum): quorate, not quorate
with the reason, or cannot say — never a guess. Substitutes count for their member's seat
only where the terms say so; required constituencies come from the sector or kind of the
organisation each member represents."""

import datetime

import pytest

from partnerships.quorum import quoracy_of
from tests import factories

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def body(own):
    board = factories.BoardFactory(system=own.system)
    la = factories.OrganisationFactory(sector="local_government", kind="county_council")
    icb = factories.OrganisationFactory(sector="nhs", kind="icb")
    members = [
        factories.MembershipFactory(
            post=factories.PostFactory(board=board),
            start_date=D(2023, 1, 1),
            on_behalf_of=organisation,
        )
        for organisation in (la, icb, icb, icb, icb)
    ]
    terms = factories.TermsOfReferenceFactory(
        board=board,
        in_force_from=D(2023, 1, 1),
        membership_count=5,
        voting_membership_count=5,
        quorum_number=3,
        quorum_sectors=["local_government"],
        quorum_organisation_kinds=["icb"],
    )
    meeting = factories.MeetingFactory(board=board, date=D(2024, 3, 14), status="held")
    return board, members, terms, meeting


def _attend(meeting, statuses, members, **kwargs):
    for member, status in zip(members, statuses, strict=True):
        factories.AttendanceFactory(
            meeting=meeting,
            person=member.person,
            membership=member,
            status=status,
            **({"deputy": kwargs["deputy"]} if status == "substitute" else {}),
        )


def answer(meeting):
    return quoracy_of([meeting])[meeting.pk]


def test_below_the_number_and_without_the_council_it_says_why(body):
    _, members, _, meeting = body
    _attend(meeting, ["apologies", "present", "present_virtually", "absent", "absent"], members)
    result = answer(meeting)
    assert result.state == "not_quorate"
    assert result.reason == ("2 of 5 voting members present (quorum 3); no local government member")


def test_enough_members_with_each_constituency_is_quorate(body):
    _, members, _, meeting = body
    _attend(meeting, ["present", "present", "present_virtually", "absent", "apologies"], members)
    assert str(answer(meeting)) == "Quorate: 3 of 5 voting members present (quorum 3)"


def test_a_substitute_counts_for_the_seat_only_where_the_terms_say(body):
    _, members, terms, meeting = body
    deputy = factories.PersonFactory()
    _attend(
        meeting, ["substitute", "present", "present", "absent", "absent"], members, deputy=deputy
    )
    # The terms do not say whether substitutes count, and the answer turns on it.
    assert answer(meeting).state == "cannot_say"
    assert "whether substitutes count" in answer(meeting).reason
    terms.substitutes_count_for_quorum = True
    terms.save()
    assert answer(meeting).state == "quorate"
    terms.substitutes_count_for_quorum = False
    terms.save()
    result = answer(meeting)
    assert result.state == "not_quorate" and "no local government member" in result.reason


def test_a_share_of_the_members_is_rounded_up(body):
    _, members, terms, meeting = body
    terms.quorum_number, terms.quorum_percent = None, 50  # half of 5: 3 members
    terms.quorum_sectors, terms.quorum_organisation_kinds = [], []
    terms.save()
    _attend(meeting, ["present", "present", "absent", "absent", "absent"], members)
    assert answer(meeting).reason == "2 of 5 voting members present (quorum 3)"


def test_cannot_say_without_a_rule_or_without_attendance(body):
    board, members, terms, meeting = body
    assert answer(meeting).reason == "attendance not recorded"
    _attend(
        meeting, ["present", "present", "not_recorded", "not_recorded", "not_recorded"], members
    )
    result = answer(meeting)
    assert result.state == "cannot_say"
    assert result.reason.endswith("attendance not recorded for 3 members")
    terms.status = "withdrawn"
    terms.save()
    assert answer(meeting).reason == "no ratified terms of reference in force on 14 March 2024"
    scheduled = factories.MeetingFactory(board=board, date=D(2024, 5, 1))
    assert quoracy_of([scheduled])[scheduled.pk] is None


def test_the_page_api_and_admin_show_it(client, api_as, login, body):
    _, members, _, meeting = body
    _attend(meeting, ["apologies", "present", "present_virtually", "absent", "absent"], members)
    reason = "2 of 5 voting members present (quorum 3); no local government member"
    assert reason in client.get(f"/meetings/{meeting.slug}/").content.decode()
    detail = api_as("anonymous").get(f"/api/v1/meetings/{meeting.slug}/").json()
    assert detail["quoracy"]["state"] == "not_quorate" and detail["quoracy"]["reason"] == reason
    admin = login("secretariat-own")
    listing = admin.get(
        f"/admin/partnerships/meeting/?board__system__id__exact={meeting.board.system_id}"
    )
    assert f"Not quorate: {reason}" in listing.content.decode()
    change = admin.get(f"/admin/partnerships/meeting/{meeting.pk}/change/")
    assert f"Not quorate: {reason}" in change.content.decode()


def test_the_terms_refuse_a_substitute_where_they_allow_none(api_as, body):
    _, members, terms, meeting = body
    terms.substitutes_allowed = False
    terms.save()
    deputy = factories.PersonFactory(system=meeting.board.system)
    response = api_as("secretariat-own").post(
        "/api/v1/attendance/",
        {
            "meeting": meeting.slug,
            "person": members[0].person.slug,
            "membership": members[0].slug,
            "status": "substitute",
            "deputy": deputy.slug,
        },
        format="json",
    )
    assert response.status_code == 400
    assert "do not allow substitutes or deputies" in response.json()["errors"]["status"][0]


def test_the_body_page_shows_the_rule_as_counted(client, body):
    board, _, terms, _ = body
    terms.substitutes_allowed, terms.substitutes_vote = True, False
    terms.save()
    page = client.get(f"/boards/{board.slug}/").content.decode()
    assert (
        "at least 3 voting members; a local government member; a member from integrated care "
        "board" in page
    )
    assert "Allowed; they do not vote" in page


def test_the_secretariat_ticks_the_required_constituencies_in_the_admin(login, body):
    from tests.helpers.admin_forms import page_data

    _, _, terms, _ = body
    client = login("secretariat-own")
    url = f"/admin/partnerships/termsofreference/{terms.pk}/change/"
    page = client.get(url)
    assert 'type="checkbox" name="quorum_sectors" value="local_government"' in (
        page.content.decode()
    )
    data = page_data(page)
    data["quorum_sectors"] = ["local_government", "healthwatch"]
    data["quorum_percent"] = "150"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "A share is a whole number of per cent from 1 to 100." in response.content.decode()
    data["quorum_percent"] = "50"
    assert client.post(url, data).status_code == 302
    terms.refresh_from_db()
    assert terms.quorum_sectors == ["local_government", "healthwatch"]
    assert terms.quorum_percent == 50
