"""Editing that fits the secretariat's job: seats with places filled, the appointments list and
its actions, and every rule violation as a form error with nothing half-saved."""

import datetime

import pytest

from partnerships.choices import ChairModel, Role
from partnerships.models import Membership, TermsOfReference
from tests import factories
from tests.helpers.admin_forms import add_rows, page_data

MEMBERSHIPS = "/admin/partnerships/membership/"


def board_page(board):
    return f"/admin/partnerships/board/{board.pk}/change/"


@pytest.mark.django_db
def test_board_page_shows_each_seat_filled_of_total_today(login, own):
    factories.MembershipFactory(
        post=own.post, start_date=datetime.date(2021, 1, 1), end_date=datetime.date(2022, 1, 1)
    )  # ended: does not count
    response = login("secretariat-own").get(board_page(own.board))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Own Healthwatch representative" in page
    assert "1/1" in page  # one current holder of one place; the ended one does not count
    factories.TermsOfReferenceFactory(board=own.board, version="2.0")
    assert "2.0" in login("secretariat-own").get(board_page(own.board)).content.decode()


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
def test_copy_terms_into_a_new_draft_with_its_clauses(login, own):
    terms = factories.TermsOfReferenceFactory(board=own.board, version="1.0")
    factories.TermsClauseFactory(terms=terms, order=1, text="Purpose clause.")
    login("secretariat-own").post(
        "/admin/partnerships/termsofreference/",
        {"action": "copy_as_draft", "_selected_action": [terms.pk]},
    )
    draft = TermsOfReference.objects.get(version="1.0 draft")
    assert (draft.status, draft.based_on, draft.board) == ("draft", terms, own.board)
    assert [c.text for c in draft.clauses.all()] == ["Purpose clause."]


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


def form_errors(response):
    return response.context["adminform"].form.errors


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
def test_two_new_appointments_to_a_one_place_seat_inline_save_nothing(login, own):
    seat = factories.PostFactory(board=own.board, label="Director of public health", places=1)
    client = login("secretariat-own")
    url = f"/admin/partnerships/post/{seat.pk}/change/"
    data = page_data(client.get(url))
    row = {"kind": "member", "start_date": "2024-01-01", "voting": "unknown"}
    add_rows(
        data,
        "memberships",
        [
            {**row, "person": factories.PersonFactory().pk},
            {**row, "person": factories.PersonFactory().pk},
        ],
    )
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.errors
    assert any("Director of public health" in str(e) for e in errors)
    assert not seat.memberships.exists()


@pytest.mark.django_db
def test_two_appointments_in_different_seats_inline_save_together(login, own):
    seat = factories.PostFactory(board=own.board, label="Councillors", places=2)
    client = login("secretariat-own")
    url = f"/admin/partnerships/post/{seat.pk}/change/"
    data = page_data(client.get(url))
    row = {"kind": "member", "start_date": "2024-01-01", "voting": "unknown"}
    people = [factories.PersonFactory().pk, factories.PersonFactory().pk]
    add_rows(data, "memberships", [{**row, "person": pk} for pk in people])
    assert client.post(url, data).status_code == 302
    assert seat.memberships.count() == 2


@pytest.mark.django_db
def test_two_terms_in_force_on_the_board_page_is_an_error_and_saves_nothing(login, own):
    client = login("secretariat-own")
    url = board_page(own.board)
    data = page_data(client.get(url))
    row = {"status": "ratified", "in_force_from": "2023-01-01"}
    add_rows(
        data,
        "terms_of_reference",
        [{**row, "version": "1.0"}, {**row, "version": "2.0", "in_force_from": "2024-01-01"}],
    )
    response = client.post(url, data)
    assert response.status_code == 200
    errors = [
        e for formset in response.context["inline_admin_formsets"] for e in formset.formset.errors
    ]
    assert any("in_force_from" in e and "only one version" in str(e) for e in errors)
    assert not own.board.terms_of_reference.exists()


@pytest.mark.django_db
def test_terms_in_force_over_an_existing_version_is_an_error_on_its_start(login, own):
    factories.TermsOfReferenceFactory(board=own.board, version="1.0")
    response = login("secretariat-own").post(
        "/admin/partnerships/termsofreference/add/",
        {
            "board": own.board.pk,
            "version": "2.0",
            "status": "ratified",
            "in_force_from": "2024-01-01",
            "is_published": "on",
            "clauses-TOTAL_FORMS": "0",
            "clauses-INITIAL_FORMS": "0",
        },
    )
    assert "Version 1.0 is in force" in " ".join(form_errors(response)["in_force_from"])
    assert own.board.terms_of_reference.count() == 1


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
