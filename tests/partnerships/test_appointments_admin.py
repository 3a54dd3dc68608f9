"""Appointments in the admin: the list and its actions (end, reappoint) for the secretariat of
the appointment's system, and every appointment rule as a form error on the right field, with
nothing saved."""

import datetime

import pytest

from partnerships.choices import ChairModel, Role
from partnerships.models import Membership
from tests import factories
from tests.helpers.admin_forms import form_errors, membership_change_data

MEMBERSHIPS = "/admin/partnerships/membership/"


@pytest.mark.django_db
def test_appointments_list_shows_state_and_filters_by_it(login, own):
    factories.MembershipFactory(
        post=factories.PostFactory(board=own.board), start_date=datetime.date(2099, 1, 1)
    )
    client = login("secretariat-own")
    page = client.get(MEMBERSHIPS).content.decode()
    assert "current" in page and "future" in page
    future = client.get(MEMBERSHIPS, {"state": "future"}).context["cl"].result_list
    assert [m.start_date.year for m in future] == [2099]
    by_sector = client.get(MEMBERSHIPS, {"on_behalf_of__sector__exact": "nhs"})
    assert by_sector.status_code == 200


@pytest.mark.django_db
def test_end_selected_appointments_asks_for_a_date_then_ends_them(login, own):
    client = login("secretariat-own")
    selected = {"action": "end_selected", "_selected_action": [own.membership.pk]}
    response = client.post(MEMBERSHIPS, selected)
    assert response.status_code == 200
    assert "Last day of the appointments" in response.content.decode()
    response = client.post(MEMBERSHIPS, {**selected, "apply": "yes", "date": "2024-03-31"})
    assert response.status_code == 302
    own.membership.refresh_from_db()
    assert own.membership.end_date == datetime.date(2024, 3, 31)


@pytest.mark.django_db
def test_ending_before_the_start_ends_none_and_says_why(login, own):
    second = factories.MembershipFactory(
        post=factories.PostFactory(board=own.board), start_date=datetime.date(2020, 1, 1)
    )
    response = login("secretariat-own").post(
        MEMBERSHIPS,
        {
            "action": "end_selected",
            "_selected_action": [own.membership.pk, second.pk],
            "apply": "yes",
            "date": "2021-06-30",  # after the second's start, before the first's
        },
        follow=True,
    )
    assert "Nothing was changed" in response.content.decode()
    assert "cannot be before the start date" in response.content.decode()
    assert Membership.objects.filter(end_date__isnull=False).count() == 0


@pytest.mark.django_db
def test_reappoint_makes_a_new_term_from_the_day_after(login, own):
    own.membership.end_date = datetime.date(2024, 10, 31)
    own.membership.save()
    login("secretariat-own").post(
        MEMBERSHIPS, {"action": "reappoint_selected", "_selected_action": [own.membership.pk]}
    )
    new = Membership.objects.exclude(pk=own.membership.pk).get(person=own.membership.person)
    assert new.start_date == datetime.date(2024, 11, 1) and new.post == own.post


@pytest.mark.django_db
def test_viewer_and_other_secretariat_cannot_run_actions(login, own):
    for role in ("viewer-own", "secretariat-other"):
        login(role).post(
            MEMBERSHIPS,
            {
                "action": "end_selected",
                "_selected_action": [own.membership.pk],
                "apply": "yes",
                "date": "2024-03-31",
            },
        )
    own.membership.refresh_from_db()
    assert own.membership.end_date is None


@pytest.mark.django_db
def test_secretariat_cannot_appoint_to_another_systems_seat(login, own, other):
    person = other.membership.person
    data = membership_change_data(other.membership, post=own.post.pk, start_date="2030-01-01")
    data.pop("slug")
    response = login("secretariat-other").post(f"{MEMBERSHIPS}add/", data)
    assert response.status_code == 200
    assert "post" in response.context["adminform"].form.errors
    assert not Membership.objects.filter(person=person, post=own.post).exists()


# --- rule violations: a form error on the right field, nothing saved ---------------------------


def add_membership(client, **fields):
    data = {
        "kind": "member",
        "start_precision": "day",
        "end_precision": "day",
        "is_published": "on",
        **fields,
    }
    return client.post(f"{MEMBERSHIPS}add/", data)


@pytest.mark.django_db
def test_seat_over_capacity_is_an_error_on_the_seat(login, own):
    response = add_membership(
        login("secretariat-own"),
        person=factories.PersonFactory().pk,
        post=own.post.pk,
        start_date="2023-04-01",
    )
    assert response.status_code == 200
    assert "Own Healthwatch representative" in " ".join(form_errors(response)["post"])
    assert own.post.memberships.count() == 1


@pytest.mark.django_db
def test_second_chair_is_an_error_naming_the_chair(login, own):
    own.board.chair_model = ChairModel.ICB_CHAIR
    own.board.save()
    chair = factories.PostFactory(board=own.board, label="Chair", role=Role.CHAIR)
    co = factories.PostFactory(board=own.board, label="Independent chair", role=Role.CHAIR)
    factories.MembershipFactory(post=chair, person=factories.PersonFactory(name="Ann Chair"))
    response = add_membership(
        login("secretariat-own"),
        person=factories.PersonFactory().pk,
        post=co.pk,
        start_date="2023-04-01",
    )
    assert "Ann Chair" in " ".join(form_errors(response)["post"])
    assert not co.memberships.exists()


@pytest.mark.django_db
def test_overlapping_appointment_is_an_error_on_the_person(login, own):
    own.post.places = 3
    own.post.save()
    response = add_membership(
        login("secretariat-own"),
        person=own.membership.person_id,
        post=own.post.pk,
        start_date="2024-01-01",
    )
    assert "already holds the seat" in " ".join(form_errors(response)["person"])
    assert own.post.memberships.count() == 1


@pytest.mark.django_db
def test_end_before_start_is_an_error_on_the_end_date(login, own):
    response = add_membership(
        login("secretariat-own"),
        person=factories.PersonFactory().pk,
        post=factories.PostFactory(board=own.board).pk,
        start_date="2024-01-01",
        end_date="2023-01-01",
    )
    assert "cannot be before the start date" in " ".join(form_errors(response)["end_date"])
    assert Membership.objects.count() == 2  # own and other's, nothing new


@pytest.mark.django_db
def test_seat_over_capacity_is_a_form_error_not_a_500(admin_client):
    post = factories.PostFactory(label="Healthwatch representative", places=1)
    factories.MembershipFactory(post=post)
    person = factories.PersonFactory()
    response = admin_client.post(
        "/admin/partnerships/membership/add/",
        {
            "person": person.pk,
            "post": post.pk,
            "kind": "member",
            "start_date": "2023-04-01",
            "start_precision": "day",
            "end_precision": "day",
            "is_published": "on",
        },
    )
    assert response.status_code == 200
    assert "has 1 place and on 1 April 2023 it is already filled by" in response.content.decode()
    assert post.memberships.count() == 1


@pytest.mark.django_db
def test_the_lists_filters_offer_only_the_bodies_and_systems_of_the_users_appointments(
    login, own, other, superuser
):
    """The relation filters (icsgov.core.admin.base.PresentRelatedFilter) list the bodies and
    systems that hold one of the appointments the user may see: never another system's, nor a
    body of their own with no appointment (a filter with one value to offer is not shown)."""
    second = factories.BoardFactory(system=own.system, name="Own second board")
    factories.MembershipFactory(post=factories.PostFactory(board=second))
    empty = factories.BoardFactory(system=own.system, name="Own board with no appointments")

    def offered(client, parameter):
        specs = client.get(MEMBERSHIPS).context["cl"].filter_specs
        shown = [s for s in specs if getattr(s, "lookup_kwarg", None) == parameter]
        return {label for spec in shown for _, label in spec.lookup_choices}

    secretariat = login("secretariat-own")
    assert offered(secretariat, "post__board__id__exact") == {str(own.board), str(second)}
    assert offered(secretariat, "post__board__system__id__exact") == set()  # theirs alone
    everyone = login("superuser")
    bodies = offered(everyone, "post__board__id__exact")
    assert {str(own.board), str(second), str(other.board)} <= bodies
    assert str(empty) not in bodies
    assert offered(everyone, "post__board__system__id__exact") >= {
        str(own.system),
        str(other.system),
    }
