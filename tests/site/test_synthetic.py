"""`manage.py generate_synthetic`: marked systems for benchmarks and load tests, with one holder
per seat place at any date (appointments with turnover), attendance only by the members on the
meeting's date, and their history; deterministic for a seed; never public unless published and
shown by a benchmark run (ICSGOV_SHOW_SYNTHETIC); run again it replaces them, --delete removes
them and their history."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from icsgov.core.history import event_model
from partnerships.models import Attendance, Board, Meeting, Membership, Person, Post
from places.models import System
from strategy.models import Milestone

pytestmark = pytest.mark.django_db

SMALL = ["--systems", "2", "--places", "2", "--clusters", "2", "--bodies", "6", "--seats", "4"]


def generate(*extra):
    call_command("generate_synthetic", *SMALL, "--meetings", "3", *extra, stdout=io.StringIO())
    return System.objects.filter(is_synthetic=True)


def test_generator_makes_marked_unpublished_systems_with_turnover_and_attendance():
    systems = generate()
    assert systems.count() == 2
    assert all(s.slug.startswith("synthetic-") for s in systems)
    assert not System.objects.real().filter(is_synthetic=True).exists()
    boards = Board.objects.filter(system__in=systems)
    assert boards.count() == 12  # 2 system bodies, 2 per place, cluster boards up to 6
    assert not boards.published().exists()
    assert not Person.objects.filter(slug__startswith="synthetic-").published().exists()
    assert Post.objects.filter(board__in=boards).count() == 48
    # Turnover: more appointments than seats, but never two holders of a seat's place at once.
    memberships = Membership.objects.filter(post__board__in=boards)
    assert memberships.count() > 48
    for day in (datetime.date(2023, 9, 1), datetime.date(2025, 9, 1)):
        per_seat = {}
        for m in memberships.as_at(day):
            per_seat[m.post_id] = per_seat.get(m.post_id, 0) + 1
        assert set(per_seat.values()) == {1}
    # Attendance: only members whose appointment covers the meeting's date.
    attendance = Attendance.objects.filter(meeting__board__in=boards).select_related(
        "meeting", "membership"
    )
    assert attendance.exists()
    for row in attendance:
        assert row.membership.person_id == row.person_id
        assert row.membership.start_date <= row.meeting.date
        assert row.membership.end_date is None or row.meeting.date <= row.membership.end_date
    assert Milestone.objects.filter(system__in=systems).exists()
    # History: one insert event per generated row.
    events = event_model(Attendance).objects.filter(pgh_label="insert")
    assert events.filter(pgh_obj_id__in=attendance.values("pk")).count() == attendance.count()


def snapshot():
    return sorted(
        Membership.objects.filter(post__board__system__is_synthetic=True).values_list(
            "slug", "start_date", "end_date"
        )
    )


def test_the_same_seed_makes_the_same_data_and_another_seed_other_data():
    generate("--seed", "7")
    first = snapshot()
    generate("--seed", "7")
    assert snapshot() == first
    generate("--seed", "8")
    assert snapshot() != first


def test_published_synthetic_data_is_shown_only_by_a_benchmark_run(client):
    generate("--publish")
    board = Board.objects.filter(system__is_synthetic=True).first()
    person = Person.objects.filter(memberships__post__board=board).first()
    assert person.system == board.system  # added in their seat's synthetic system
    assert not Board.objects.public().filter(pk=board.pk).exists()
    assert client.get(f"/api/v1/boards/{board.slug}/").status_code == 404
    # Nor are its people, published as they are: not in the people list, their page, the
    # public search or the changes feed.
    assert not Person.objects.public().filter(pk=person.pk).exists()
    assert client.get(f"/api/v1/people/{person.slug}/").status_code == 404
    assert client.get("/api/v1/people/").json()["count"] == 0
    assert client.get(f"/api/v1/search/?q={person.name}&type=person").json()["count"] == 0
    assert client.get("/api/v1/changes/").json()["results"] == []
    with override_settings(SHOW_SYNTHETIC=True):
        assert Board.objects.public().filter(pk=board.pk).exists()
        assert client.get(f"/api/v1/boards/{board.slug}/").status_code == 200
        assert client.get(f"/api/v1/people/{person.slug}/").status_code == 200


def test_generating_again_replaces_and_delete_removes_rows_and_history():
    generate()
    generate()
    assert System.objects.filter(is_synthetic=True).count() == 2
    meeting_ids = list(
        Meeting.objects.filter(board__system__is_synthetic=True).values_list("pk", flat=True)
    )
    call_command("generate_synthetic", "--delete", stdout=io.StringIO())
    assert not System.objects.filter(is_synthetic=True).exists()
    assert not Person.objects.filter(slug__startswith="synthetic-").exists()
    assert not Attendance.objects.exists()
    assert not event_model(Meeting).objects.filter(pgh_obj_id__in=meeting_ids).exists()
    assert not event_model(Attendance).objects.exists()


def test_a_role_on_a_synthetic_system_goes_with_it_and_its_user_stays():
    """The benchmark gives its staff viewer a role on a synthetic system; generating again (or
    deleting) after a benchmark run failed on that role's link to the system."""
    from icsgov.access import AccessRole, SystemAccess
    from tests import factories

    generate()
    viewer = factories.UserFactory(username="bench-staff", is_staff=True)
    system = System.objects.filter(is_synthetic=True).first()
    SystemAccess.objects.create(user=viewer, system=system, role=AccessRole.VIEWER)
    generate()
    assert not SystemAccess.objects.filter(user=viewer).exists()
    viewer.refresh_from_db()
    assert System.objects.filter(is_synthetic=True).exists()
