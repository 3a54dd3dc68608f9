"""Each record's history page shows its pghistory events (when, who, which fields, before and
after) from any write path; the list of changes is limited to the user's systems."""

import re

import pytest

from icsgov.core.history import command_context
from tests.helpers.admin_forms import membership_change_data

MEMBERSHIPS = "/admin/partnerships/membership/"
EVENTS = "/admin/icsgov/change/"


@pytest.mark.django_db
def test_history_page_shows_an_admin_edit_with_who_and_before_after(login, own):
    client = login("secretariat-own")
    url = f"{MEMBERSHIPS}{own.membership.pk}/change/"
    assert (
        client.post(url, membership_change_data(own.membership, notes="Term extended")).status_code
        == 302
    )
    page = client.get(f"{MEMBERSHIPS}{own.membership.pk}/history/").content.decode()
    assert "sec-own" in page
    assert "notes" in page and "Term extended" in page
    assert "added" in page and "changed" in page


@pytest.mark.django_db
def test_history_page_shows_a_change_made_in_the_shell(login, own, users):
    with command_context("shell", user=users["superuser"]):
        own.membership.notes = "Corrected from the minutes"
        own.membership.save()
    page = login("viewer-own").get(f"{MEMBERSHIPS}{own.membership.pk}/history/")
    text = page.content.decode()
    assert "Corrected from the minutes" in text and "command shell" in text and "root" in text


@pytest.mark.django_db
def test_changes_list_shows_only_the_users_systems(login, own, other):
    response = login("secretariat-own").get(EVENTS)
    assert response.status_code == 200
    shown = {(e.pgh_obj_model, e.pgh_obj_id) for e in response.context["cl"].result_list}
    assert ("partnerships.Membership", str(own.membership.pk)) in shown
    assert ("partnerships.Membership", str(other.membership.pk)) not in shown
    assert ("places.System", str(other.system.pk)) not in shown
    everything = login("superuser").get(EVENTS).context["cl"].result_list
    assert ("partnerships.Membership", str(other.membership.pk)) in {
        (e.pgh_obj_model, e.pgh_obj_id) for e in everything
    }


@pytest.mark.django_db
def test_changes_of_another_systems_record_are_not_found(login, own):
    target = f"partnerships.Membership:{own.membership.pk}"
    query = {"method": "tracks", "obj": target}
    assert login("secretariat-other").get(EVENTS, query).status_code == 404
    assert login("secretariat-own").get(EVENTS, query).status_code == 200


@pytest.mark.django_db
def test_users_without_a_role_cannot_read_the_changes(client, own):
    from tests import factories

    client.force_login(factories.UserFactory(username="nobody", is_staff=True))
    assert client.get(EVENTS).status_code == 403


@pytest.mark.django_db
def test_changes_list_filters_by_user(login, own, users):
    client = login("secretariat-own")
    url = f"{MEMBERSHIPS}{own.membership.pk}/change/"
    client.post(url, membership_change_data(own.membership, notes="By sec-own"))
    mine = client.get(EVENTS, {"user": users["secretariat-own"].pk}).context["cl"].result_list
    assert [(e.pgh_obj_model, e.pgh_label) for e in mine] == [("partnerships.Membership", "update")]
    page = client.get(EVENTS).content.decode()
    assert "sec-own" in page and "sec-other" not in page  # the filter offers own staff only


@pytest.mark.django_db
def test_changes_list_user_filter_finds_commands_run_on_their_behalf(login, own, users):
    import pghistory

    # A command that records only the username of the person it ran for.
    with pghistory.context(command="import_minutes", username="sec-own"):
        own.membership.notes = "From the minutes"
        own.membership.save()
    # A change recorded under another user's id is not sec-own's, whatever its username says.
    with pghistory.context(user=users["superuser"].pk, username="sec-own"):
        own.post.notes = "Tidied"
        own.post.save()
    client = login("secretariat-own")
    mine = client.get(EVENTS, {"user": users["secretariat-own"].pk}).context["cl"].result_list
    assert [(e.pgh_obj_model, e.pgh_label) for e in mine] == [("partnerships.Membership", "update")]
    assert mine[0].pgh_context["command"] == "import_minutes"
    theirs = client.get(EVENTS, {"user": users["secretariat-other"].pk}).context["cl"]
    assert list(theirs.result_list) == []


@pytest.mark.django_db
def test_history_names_linked_records_and_never_names_one_the_reader_may_not_see(login, own, other):
    from tests import factories

    council = factories.OrganisationFactory(system=own.system, name="Southampton City Council")
    hidden = factories.OrganisationFactory(
        system=other.system, name="Other system's secret trust", is_published=False
    )
    own.membership.on_behalf_of = council
    own.membership.save()

    page = login("viewer-own").get(f"{MEMBERSHIPS}{own.membership.pk}/history/").content.decode()
    assert "Southampton City Council" in page
    assert f"→ {council.pk}<" not in page and f"&rarr; {council.pk}<" not in page

    changes = login("secretariat-own").get(EVENTS).content.decode()
    assert "Southampton City Council" in changes

    # A link to a record the reader may not see is named as such, not by its name.
    from icsgov.core.history import Change as HistoryChange
    from icsgov.core.history import FieldChange, name_links

    change = HistoryChange("x", None, "update", "partnerships.membership", "1", None, None, None)
    change.fields = [FieldChange("on_behalf_of_id", "on behalf of", council.pk, hidden.pk)]
    name_links([change], None)
    assert change.fields[0].after_text == "a record you may not see"


@pytest.mark.django_db
@pytest.mark.parametrize("user", ["superuser", "secretariat-own"])
def test_changes_list_pages_read_only_their_own_events_whole(login, own, other, user, monkeypatch):
    """The page's keys first, then its events by key: the events' data (and each update's
    difference, built from the event before it) are read for the page's events only. Asked of
    django-pghistory's Events directly, the page built them for the whole history first (6 s
    at national scale). Pages hold what the list holds, in its order, each once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from icsgov.admin import ScopedEventsAdmin
    from tests import factories

    monkeypatch.setattr(ScopedEventsAdmin, "list_per_page", 3)
    with command_context("import"):
        factories.MembershipFactory.create_batch(4, post__board=own.membership.post.board)
    client = login(user)
    everything = client.get(EVENTS, {"all": ""}).context["cl"]
    keys = [e.pgh_slug for e in everything.result_list]
    assert len(keys) == everything.result_count > 5
    paged = []
    for number in range(1, (len(keys) + 2) // 3 + 1):  # Django's pages count from 1
        with CaptureQueriesContext(connection) as queries:
            response = client.get(EVENTS, {"p": number})
        cl = response.context["cl"]
        paged += [e.pgh_slug for e in cl.result_list]
        whole = [q["sql"] for q in queries.captured_queries if '"pgh_data"' in q["sql"]]
        # (The page's LIMIT 3 is on the keys' query alone.)
        assert whole and not any(re.search(r"LIMIT 3\b", sql) for sql in whole)
        assert all(getattr(e, "change", None) for e in cl.result_list)
    assert paged == keys


@pytest.mark.django_db
@pytest.mark.parametrize("user", ["superuser", "secretariat-own"])
def test_changes_list_runs_the_same_queries_for_few_and_many_changes(login, own, user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests import factories

    board = own.membership.post.board
    client = login(user)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(EVENTS)
        assert response.status_code == 200
        return len(captured), len(response.context["cl"].result_list)

    with command_context("import"):
        factories.MembershipFactory.create_batch(2, post__board=board)
    few, shown_few = queries()
    with command_context("import"):
        factories.MembershipFactory.create_batch(20, post__board=board)
    many, shown_many = queries()
    assert shown_many > shown_few
    assert many == few
