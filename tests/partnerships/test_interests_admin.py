"""The registers in the admin: the lists filter by system, body, category and overdue review;
another system's secretariat cannot open an entry; a withheld entry's form shows its reason."""

import datetime

import pytest

from icsgov.core.dates import today
from tests import factories

LIST = "/admin/partnerships/interest/"


def listed(client, query=""):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    return set(response.context["cl"].result_list)


@pytest.mark.django_db
def test_the_declarations_list_filters_by_body_category_and_overdue_review(login, own):
    old = today() - datetime.timedelta(days=400)
    overdue = factories.InterestFactory(membership=own.membership, declared_on=old)
    elsewhere = factories.MembershipFactory(post=factories.PostFactory())
    recent = factories.InterestFactory(
        membership=factories.MembershipFactory(post=factories.PostFactory(board=own.board)),
        category="indirect",
        declared_on=today() - datetime.timedelta(days=10),
    )
    client = login("secretariat-own")
    assert listed(client) == {overdue, recent}
    assert listed(client, "category__exact=indirect") == {recent}
    assert listed(client, f"membership__post__board__id__exact={own.board.pk}") == {
        overdue,
        recent,
    }
    assert listed(client, "review=overdue") == {overdue}
    del elsewhere


@pytest.mark.django_db
def test_another_systems_secretariat_cannot_open_a_declaration(login, own):
    entry = factories.InterestFactory(membership=own.membership)
    url = f"{LIST}{entry.pk}/change/"
    assert login("secretariat-other").get(url).status_code in (302, 404)
    assert login("secretariat-own").get(url).status_code == 200


@pytest.mark.django_db
def test_the_gifts_list_filters_by_kind(login, own):
    lunch = factories.GiftOrHospitalityFactory(membership=own.membership)
    factories.GiftOrHospitalityFactory(membership=own.membership, kind="gift", value_gbp=3)
    response = login("secretariat-own").get(
        "/admin/partnerships/giftorhospitality/?kind__exact=hospitality"
    )
    assert set(response.context["cl"].result_list) == {lunch}


@pytest.mark.django_db
def test_a_declaration_against_another_meetings_agenda_item_is_refused_in_the_admin(
    login, api_as, own
):
    # The door the secretariat uses most: the admin's add form, with the words the API gives
    # (tests/partnerships/test_interests_api.py), and nothing saved.
    from partnerships.models import MeetingDeclaration

    board = factories.BoardFactory(system=own.system)
    meeting = factories.MeetingFactory(board=board, status="held", title="March meeting")
    earlier = factories.MeetingFactory(board=board, title="January meeting")
    other = factories.AgendaItemFactory(meeting=earlier, number="3", title="Capital bids")
    person = factories.PersonFactory(system=own.system)
    expected = f"That agenda item is of another meeting ({earlier}), not of this one."
    api = api_as("secretariat-own").post(
        "/api/v1/meeting-declarations/",
        {
            "meeting": meeting.slug,
            "person": person.slug,
            "agenda_item": other.pk,
            "description": "Director of a bidder.",
            "action": "left_the_room",
        },
        format="json",
    )
    assert api.json()["errors"]["agenda_item"] == [expected]

    client = login("secretariat-own")
    data = {
        "meeting": meeting.pk,
        "agenda_item": other.pk,
        "item_reference": "",
        "person": person.pk,
        "interest": "",
        "description": "Director of a bidder.",
        "action": "left_the_room",
        "notes": "",
        "is_published": "on",
    }
    response = client.post("/admin/partnerships/meetingdeclaration/add/", data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["agenda_item"] == [expected]
    assert not MeetingDeclaration.objects.exists()
    # The meeting's own item is accepted.
    data["agenda_item"] = factories.AgendaItemFactory(meeting=meeting, number="5").pk
    assert client.post("/admin/partnerships/meetingdeclaration/add/", data).status_code == 302
    assert MeetingDeclaration.objects.get().agenda_item.meeting == meeting


@pytest.mark.django_db
def test_the_appointments_list_opens_the_declaration_form_for_the_member(login, own):
    client = login("secretariat-own")
    response = client.get("/admin/partnerships/membership/")
    html = response.content.decode()
    link = (
        f"/admin/partnerships/interest/add/?person={own.membership.person_id}"
        f"&amp;membership={own.membership.pk}"
    )
    assert link in html
    form = client.get(link.replace("&amp;", "&")).context["adminform"].form
    assert form.initial["person"] == str(own.membership.person_id)
    assert form.initial["membership"] == str(own.membership.pk)
    # A viewer may not add declarations: no link.
    assert (
        "interest/add/"
        not in login("viewer-own").get("/admin/partnerships/membership/").content.decode()
    )
