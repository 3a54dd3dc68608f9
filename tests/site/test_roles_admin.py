"""The permission matrix, through the admin's URLs: every role, on its own system's records and
on another system's, for list, change (GET and POST), add, delete, autocomplete and history.

The records under test always belong to the "own" system; "-other" users hold their role on a
different system and must not see or touch them."""

import pytest

from partnerships.models import Membership
from tests.helpers.admin_forms import membership_change_data

ROLES = ["superuser", "secretariat-own", "secretariat-other", "viewer-own", "viewer-other"]
SEES_OWN = {"superuser", "secretariat-own", "viewer-own"}
CHANGES_OWN = {"superuser", "secretariat-own"}

MEMBERSHIPS = "/admin/partnerships/membership/"


def expect(role, allowed, denied):
    return allowed if role in CHANGES_OWN else denied


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_membership_changelist_lists_only_the_users_systems(login, role, own, other):
    response = login(role).get(MEMBERSHIPS)
    assert response.status_code == 200
    shown = {m.pk for m in response.context["cl"].result_list}
    assert (own.membership.pk in shown) == (role in SEES_OWN)
    assert (other.membership.pk in shown) == (role in {"superuser"} or role.endswith("-other"))
    page = response.content.decode()
    assert ("Own Member" in page) == (role in SEES_OWN)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role,status",
    [
        ("superuser", 200),
        ("secretariat-own", 200),
        ("secretariat-other", 404),
        ("viewer-own", 200),
        ("viewer-other", 404),
    ],
)
def test_opening_an_appointment(login, role, status, own):
    response = login(role).get(f"{MEMBERSHIPS}{own.membership.pk}/change/")
    assert response.status_code == status
    if status == 200:
        # Viewers get the read-only page: no save button.
        assert ('name="_save"' in response.content.decode()) == (role in CHANGES_OWN)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role,status",
    [
        ("superuser", 302),
        ("secretariat-own", 302),
        ("secretariat-other", 404),
        ("viewer-own", 403),
        # Django refuses a viewer's POST before looking the record up: 403 whatever the id.
        ("viewer-other", 403),
    ],
)
def test_saving_an_appointment(login, role, status, own):
    url = f"{MEMBERSHIPS}{own.membership.pk}/change/"
    response = login(role).post(url, membership_change_data(own.membership))
    assert response.status_code == status
    own.membership.refresh_from_db()
    assert (own.membership.notes == "edited") == (status == 302)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role,status",
    [
        ("superuser", 200),
        ("secretariat-own", 200),
        ("secretariat-other", 200),
        ("viewer-own", 403),
        ("viewer-other", 403),
    ],
)
def test_add_page_is_for_secretariat_only(login, role, status):
    assert login(role).get(f"{MEMBERSHIPS}add/").status_code == status


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role,status",
    [
        ("superuser", 200),
        # Appointments are ended, not deleted: only superusers may delete one.
        ("secretariat-own", 403),
        ("secretariat-other", 403),
        ("viewer-own", 403),
        ("viewer-other", 403),
    ],
)
def test_delete_page(login, role, status, own):
    url = f"{MEMBERSHIPS}{own.membership.pk}/delete/"
    assert login(role).get(url).status_code == status


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["secretariat-other", "viewer-own", "viewer-other"])
def test_delete_is_refused_outside_secretariat_scope(login, role, own):
    url = f"{MEMBERSHIPS}{own.membership.pk}/delete/"
    assert login(role).post(url, {"post": "yes"}).status_code in (403, 404)
    assert Membership.objects.filter(pk=own.membership.pk).exists()


@pytest.mark.django_db
def test_bulk_delete_action_refuses_a_viewers_rows(login, users, own, other):
    # A secretariat user of one system who only views another cannot delete the other's rows.
    from icsgov.access import AccessRole, SystemAccess

    SystemAccess.objects.create(
        user=users["secretariat-other"], system=own.system, role=AccessRole.VIEWER
    )
    response = login("secretariat-other").post(
        MEMBERSHIPS,
        {"action": "delete_selected", "_selected_action": [own.membership.pk], "post": "yes"},
    )
    # Refused (403), or not offered at all to a secretariat user (the list again, unchanged).
    assert response.status_code in (302, 403)
    assert Membership.objects.filter(pk=own.membership.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_autocomplete_offers_only_the_seats_the_user_may_appoint_to(login, role, own, other):
    # What an appointment may link to (the form field accepts no other): seats of the systems
    # the user keeps. A viewer keeps none, so is offered none.
    response = login(role).get(
        "/admin/autocomplete/",
        {"app_label": "partnerships", "model_name": "membership", "field_name": "post"},
    )
    assert response.status_code == 200
    ids = {int(r["id"]) for r in response.json()["results"]}
    assert (own.post.pk in ids) == (role in CHANGES_OWN)
    assert (other.post.pk in ids) == (role in {"superuser", "secretariat-other"})


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role,status",
    [
        ("superuser", 200),
        ("secretariat-own", 200),
        ("secretariat-other", 404),
        ("viewer-own", 200),
        ("viewer-other", 404),
    ],
)
def test_history_page(login, role, status, own):
    url = f"{MEMBERSHIPS}{own.membership.pk}/history/"
    assert login(role).get(url).status_code == status


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/partnerships/board/{board}/change/",
        "/admin/partnerships/post/{post}/change/",
        "/admin/partnerships/person/{person}/change/",
        "/admin/places/system/{system}/change/",
    ],
)
def test_other_systems_records_are_not_found_by_url(login, own, url):
    url = url.format(
        board=own.board.pk, post=own.post.pk, person=own.membership.person_id, system=own.system.pk
    )
    assert login("secretariat-other").get(url).status_code == 404
    assert login("secretariat-own").get(url).status_code == 200


@pytest.mark.django_db
def test_a_user_without_a_role_sees_nothing(client, own):
    from tests import factories

    client.force_login(factories.UserFactory(username="nobody", is_staff=True))
    assert client.get("/admin/").status_code == 200
    assert client.get(MEMBERSHIPS).status_code == 403


@pytest.mark.django_db
def test_roles_are_managed_by_superusers_only(login):
    assert login("superuser").get("/admin/icsgov/systemaccess/").status_code == 200
    assert login("secretariat-own").get("/admin/icsgov/systemaccess/").status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role,import_status,export_status",
    [
        ("superuser", 200, 200),
        ("secretariat-own", 200, 200),
        ("secretariat-other", 200, 200),  # their own system's import and export
        ("viewer-own", 403, 200),
        ("viewer-other", 403, 200),
    ],
)
def test_import_is_for_secretariat_and_export_for_every_role(
    login, role, import_status, export_status
):
    client = login(role)
    assert client.get(f"{MEMBERSHIPS}import/").status_code == import_status
    assert client.get(f"{MEMBERSHIPS}export/").status_code == export_status


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_actions_offered_by_role(login, role, own):
    response = login(role).get(MEMBERSHIPS)
    model_admin = response.context["cl"].model_admin
    offered = set(model_admin.get_actions(response.wsgi_request))
    if role.startswith("viewer"):
        assert offered == {"export_admin_action"}  # reading out is all a viewer may do
    else:
        assert {
            "end_selected",
            "reappoint_selected",
            "export_admin_action",
        } <= offered
        # Appointments are ended, not deleted: deleting is for superusers only.
        assert ("delete_selected" in offered) == (role == "superuser")
