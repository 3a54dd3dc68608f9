"""Writes: token authentication, the per-system roles of the admin, and every model rule as a
400 naming the field, with nothing saved."""

import datetime
from types import SimpleNamespace

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from icsgov.access import AccessRole, SystemAccess
from partnerships.choices import ChairModel, Role
from partnerships.models import Attendance, Decision, Membership, Person, Post
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_system(name):
    system = factories.SystemFactory(slug=name)
    board = factories.BoardFactory(system=system, slug=f"{name}-board")
    post = factories.PostFactory(board=board, slug=f"{name}-seat", places=3)
    person = factories.PersonFactory(slug=f"{name}-person")
    membership = factories.MembershipFactory(post=post, person=person, slug=f"{name}-membership")
    meeting = factories.MeetingFactory(board=board, slug=f"{name}-meeting")
    return SimpleNamespace(
        system=system,
        board=board,
        post=post,
        person=person,
        membership=membership,
        meeting=meeting,
        empty_post=factories.PostFactory(board=board, slug=f"{name}-empty-seat"),
        attendance=factories.AttendanceFactory(meeting=meeting, person=person),
        decision=factories.DecisionFactory(meeting=meeting, order=1),
        milestone=factories.MilestoneFactory(system=system, slug=f"{name}-milestone"),
        # Added in the system, appointed nowhere yet.
        loose_person=factories.PersonFactory(slug=f"{name}-loose-person", system=system),
    )


@pytest.fixture
def world():
    return SimpleNamespace(own=make_system("own"), other=make_system("other"))


def token_client(user=None):
    client = APIClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def user_with(username, role, system):
    user = factories.UserFactory(username=username, is_staff=True)
    SystemAccess.objects.create(user=user, system=system, role=role)
    return user


@pytest.fixture
def as_role(world):
    def client_for(role):
        if role == "anonymous":
            return token_client()
        if role == "superuser":
            return token_client(
                factories.UserFactory(username="root", is_staff=True, is_superuser=True)
            )
        kind = AccessRole.VIEWER if role == "viewer" else AccessRole.SECRETARIAT
        return token_client(user_with(role, kind, world.own.system))

    return client_for


def test_secretariat_cannot_move_a_seat_to_another_systems_board(world, as_role):
    client = as_role("secretariat")
    response = client.patch(
        f"/api/v1/posts/{world.own.empty_post.slug}/",
        {"board": world.other.board.slug},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "board": [f"No body '{world.other.board.slug}' that you may link to."]
    }
    world.own.empty_post.refresh_from_db()
    assert world.own.empty_post.board == world.own.board


def test_secretariat_cannot_appoint_to_another_systems_seat(world, as_role):
    client = as_role("secretariat")
    data = {"person": world.own.loose_person.slug, "post": world.other.post.slug}
    response = client.post("/api/v1/memberships/", {**data, "start_date": "2024-01-01"})
    assert response.status_code == 400
    # Nothing of the other system's seat is revealed: not its holders, not that it exists.
    assert response.json()["errors"] == {
        "post": [f"No seat '{world.other.post.slug}' that you may link to."]
    }
    assert world.other.person.name not in response.content.decode()
    assert not Membership.objects.filter(person=world.own.loose_person).exists()


def test_an_unappointed_person_can_be_deleted(world, as_role):
    response = as_role("secretariat").delete(f"/api/v1/people/{world.own.loose_person.slug}/")
    assert response.status_code == 204
    assert not Person.objects.filter(pk=world.own.loose_person.pk).exists()


def test_deleting_a_seat_with_appointments_is_a_conflict_naming_them(world, as_role):
    response = as_role("secretariat").delete(f"/api/v1/posts/{world.own.post.slug}/")
    assert response.status_code == 409
    assert "appointments" in response.json()["detail"] or "memberships" in response.json()["detail"]
    assert Post.objects.filter(pk=world.own.post.pk).exists()


def test_deleting_an_appointment_says_to_end_it_instead(world, as_role):
    response = as_role("secretariat").delete(f"/api/v1/memberships/{world.own.membership.slug}/")
    assert response.status_code == 405
    assert "end_date" in response.json()["detail"]


# The rules: each a 400 on the right field, naming the conflict, with nothing saved.


def appoint(client, post, start="2024-01-01", end=None, person=None, **extra):
    person = person or factories.PersonFactory()
    data = {"person": person.slug, "post": post.slug, "start_date": start, **extra}
    if end:
        data["end_date"] = end
    return client.post("/api/v1/memberships/", data, format="json")


def assert_refused(response, field, *words):
    assert response.status_code == 400, response.content[:400]
    body = response.json()
    message = " ".join(body["errors"][field])
    for word in words:
        assert word in message, message
    assert body["detail"]


def test_a_full_seat_is_refused_naming_who_fills_it(world, as_role):
    client = as_role("secretariat")
    seat = factories.PostFactory(board=world.own.board, places=1, label="Healthwatch seat")
    holder = factories.PersonFactory(name="Asha Holder")
    factories.MembershipFactory(post=seat, person=holder, start_date=datetime.date(2023, 1, 1))
    before = Membership.objects.count()
    assert_refused(appoint(client, seat), "post", "Healthwatch seat", "Asha Holder", "1 place")
    assert Membership.objects.count() == before


def test_a_second_chair_is_refused_under_a_single_chair_model(world, as_role):
    client = as_role("secretariat")
    board = factories.BoardFactory(system=world.own.system, chair_model=ChairModel.ICB_CHAIR)
    chair = factories.PostFactory(board=board, role=Role.CHAIR, label="Chair")
    other_chair = factories.PostFactory(board=board, role=Role.CHAIR, label="Chair (council)")
    factories.MembershipFactory(post=chair, person=factories.PersonFactory(name="Sam Chair"))
    assert_refused(appoint(client, other_chair), "post", "one chair", "Sam Chair")


def test_the_same_person_twice_in_a_seat_is_refused(world, as_role):
    client = as_role("secretariat")
    response = appoint(client, world.own.post, start="2023-01-01", person=world.own.person)
    assert_refused(response, "person", "already holds")


def test_an_end_before_the_start_is_refused_on_the_end_date(world, as_role):
    client = as_role("secretariat")
    response = client.patch(
        f"/api/v1/memberships/{world.own.membership.slug}/",
        {"end_date": "2020-01-01"},
        format="json",
    )
    assert_refused(response, "end_date", "cannot be before")
    world.own.membership.refresh_from_db()
    assert world.own.membership.end_date is None


def test_ending_an_appointment_is_an_edit(world, as_role):
    client = as_role("secretariat")
    response = client.patch(
        f"/api/v1/memberships/{world.own.membership.slug}/",
        {"end_date": "2024-03-31"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["end_date"] == "2024-03-31"
    listed = client.get(f"/api/v1/memberships/?board={world.own.board.slug}&as_at=2024-04-01")
    assert world.own.membership.slug not in [row["slug"] for row in listed.json()["results"]]


def test_meeting_rules_and_attendance_rules_are_field_errors(world, as_role):
    client = as_role("secretariat")
    response = client.patch(
        f"/api/v1/meetings/{world.own.meeting.slug}/", {"date_end": "2000-01-01"}, format="json"
    )
    assert response.status_code == 400
    assert "date_end" in response.json()["errors"]
    response = client.patch(
        f"/api/v1/attendance/{world.own.attendance.pk}/", {"status": "deputy"}, format="json"
    )
    assert_refused(response, "deputy", "Name the deputy")
    response = client.post(
        "/api/v1/decisions/",
        {"meeting": world.own.meeting.slug, "order": 1, "text": "Same order again."},
        format="json",
    )
    assert response.status_code == 400
    assert Decision.objects.filter(meeting=world.own.meeting).count() == 1
    assert Attendance.objects.get(pk=world.own.attendance.pk).status == "present"


def test_malformed_input_is_a_400_not_a_500(world, as_role):
    client = as_role("secretariat")
    for data in (
        {"person": "no-such-person", "post": world.own.post.slug, "start_date": "2024-01-01"},
        {"person": world.own.loose_person.slug, "post": world.own.post.slug, "start_date": "x"},
        {"person": world.own.loose_person.slug, "post": world.own.post.slug},
        {"person": ["a"], "post": {"b": 1}, "start_date": 3},
    ):
        response = client.post("/api/v1/memberships/", data, format="json")
        assert response.status_code == 400, (data, response.content[:300])
        assert response.json()["errors"]


def test_slugs_are_made_on_create_and_stable_on_update(world, as_role):
    client = as_role("secretariat")
    created = client.post("/api/v1/people/", {"name": "Dr Priya Singh"}, format="json").json()
    assert created["slug"] == "dr-priya-singh"
    response = client.patch(
        f"/api/v1/people/{created['slug']}/", {"slug": "renamed", "name": "Priya"}, format="json"
    )
    assert response.json()["slug"] == "dr-priya-singh"
