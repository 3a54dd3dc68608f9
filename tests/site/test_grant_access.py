"""`manage.py grant_access` creates staff users and grants or revokes a role on a system."""

import pytest
from django.core.management import CommandError, call_command
from pghistory.models import Events

from icsgov.access import SystemAccess
from tests import factories


@pytest.mark.django_db
def test_grant_creates_a_staff_user_with_the_role_and_a_password():
    system = factories.SystemFactory(slug="hiow")
    call_command(
        "grant_access", "jo", "--role", "secretariat", "--system", "hiow",
        "--password", "a-long-enough-passphrase",
    )  # fmt: skip
    access = SystemAccess.objects.get(user__username="jo")
    assert (access.system, access.role) == (system, "secretariat")
    assert access.user.is_staff and not access.user.is_superuser
    assert access.user.check_password("a-long-enough-passphrase")
    event = Events.objects.tracks(access).get()
    assert event.pgh_context["command"] == "grant_access"


@pytest.mark.django_db
def test_granting_again_changes_the_role_and_revoke_removes_it():
    factories.SystemFactory(slug="hiow")
    call_command("grant_access", "jo", "--role", "secretariat", "--system", "hiow")
    call_command("grant_access", "jo", "--role", "viewer", "--system", "hiow")
    assert list(SystemAccess.objects.values_list("role", flat=True)) == ["viewer"]
    call_command("grant_access", "jo", "--role", "viewer", "--system", "hiow", "--revoke")
    assert not SystemAccess.objects.exists()


@pytest.mark.django_db
def test_unknown_system_and_weak_password_are_refused():
    factories.SystemFactory(slug="hiow")
    with pytest.raises(CommandError, match="No system"):
        call_command("grant_access", "jo", "--role", "viewer", "--system", "nowhere")
    with pytest.raises(CommandError):
        call_command(
            "grant_access", "jo", "--role", "viewer", "--system", "hiow", "--password", "123"
        )
    assert not SystemAccess.objects.exists()
