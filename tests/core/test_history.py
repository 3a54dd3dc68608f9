"""Every write, through any path, is recorded with before/after values and, where known, who."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from pghistory.models import Events

from icsgov.access import SystemAccess
from icsgov.core.history import command_context
from partnerships.models import Board, Membership
from tests import factories


def events_for(obj):
    return Events.objects.references(obj).order_by("pgh_created_at", "pgh_id")


@pytest.mark.django_db
class TestHistory:
    def test_insert_update_and_delete_are_recorded_with_before_and_after(self):
        board = factories.BoardFactory(name="Joint Commissioning Board")
        board.name = "Southampton Health and Care Partnership Board"
        board.save()
        labels = list(events_for(board).values_list("pgh_label", flat=True))
        assert labels == ["insert", "update"]
        update = events_for(board).last()
        assert update.pgh_diff["name"] == [
            "Joint Commissioning Board",
            "Southampton Health and Care Partnership Board",
        ]
        pk = board.pk
        board.delete()
        assert Board.pgh_event_model.objects.filter(pgh_obj_id=pk, pgh_label="delete").exists()

    def test_bulk_update_is_recorded(self):
        memberships = factories.MembershipFactory.create_batch(3)
        Membership.objects.filter(pk__in=[m.pk for m in memberships]).update(
            end_date=datetime.date(2024, 3, 31)
        )
        updates = Membership.pgh_event_model.objects.filter(pgh_label="update")
        assert updates.count() == 3
        assert set(updates.values_list("end_date", flat=True)) == {datetime.date(2024, 3, 31)}

    def test_raw_sql_is_recorded(self):
        person = factories.PersonFactory(name="A Person")
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE partnerships_person SET name = 'A. Person' WHERE id = %s", [person.pk]
            )
        assert events_for(person).last().pgh_diff == {"name": ["A Person", "A. Person"]}

    def test_a_no_op_save_records_nothing(self):
        board = factories.BoardFactory()
        board.save()
        assert events_for(board).count() == 1

    def test_command_changes_carry_the_command_and_user(self):
        user = factories.UserFactory(username="secretary")
        with command_context("grant_access", user=user):
            board = factories.BoardFactory()
        event = events_for(board).get()
        assert event.pgh_context["command"] == "grant_access"
        assert event.pgh_context["username"] == "secretary"

    def test_admin_changes_carry_the_user(self, admin_client, superuser):
        person = factories.PersonFactory(name="Before", slug="before")
        response = admin_client.post(
            f"/admin/partnerships/person/{person.pk}/change/",
            {"name": "After", "slug": "before", "is_published": "on", "sort_name": ""},
        )
        assert response.status_code == 302
        event = events_for(person).last()
        assert event.pgh_diff["name"] == ["Before", "After"]
        assert event.pgh_context["user"] == superuser.pk

    def test_load_seed_records_its_command(self):
        call_command("load_seed", verbosity=0)
        event = Board.pgh_event_model.objects.select_related("pgh_context").first()
        assert event.pgh_context.metadata["command"] == "load_seed"


@pytest.mark.django_db
def test_a_write_is_recorded_in_history_with_its_user(api_world, as_role):
    from pghistory.models import Events

    as_role("secretariat").patch(
        f"/api/v1/posts/{api_world.own.post.slug}/", {"label": "Recorded"}, format="json"
    )
    event = Events.objects.tracks(api_world.own.post).get(pgh_label="update")
    assert event.pgh_diff["label"][1] == "Recorded"
    assert event.pgh_context["user"] == SystemAccess.objects.get(role="secretariat").user_id
