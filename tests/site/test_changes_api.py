"""``/api/v1/changes/``: who changed what and when, filtered, within what the client may see,
and never a person's contact details (except for superusers)."""

import base64
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from icsgov.access import AccessRole, SystemAccess
from icsgov.core.history import command_context
from tests import factories

pytestmark = pytest.mark.django_db

SECRET_EMAIL = "very.private@example.nhs.uk"
SECRET_PHONE = "07700 900123"


def client_for(user=None):
    client = APIClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def world():
    own = factories.SystemFactory(slug="own")
    other = factories.SystemFactory(slug="other")
    public_board = factories.BoardFactory(system=own, slug="public-board")
    draft_board = factories.BoardFactory(system=other, slug="draft-board", is_published=False)
    person = factories.PersonFactory(slug="pat", email=SECRET_EMAIL, phone=SECRET_PHONE)
    factories.MembershipFactory(person=person, post__board=public_board)
    secretariat = factories.UserFactory(username="sec-own", is_staff=True)
    SystemAccess.objects.create(user=secretariat, system=own, role=AccessRole.SECRETARIAT)
    other_staff = factories.UserFactory(username="sec-other", is_staff=True)
    SystemAccess.objects.create(user=other_staff, system=other, role=AccessRole.SECRETARIAT)
    root = factories.UserFactory(username="root", is_staff=True, is_superuser=True)
    return {
        "public_board": public_board,
        "draft_board": draft_board,
        "person": person,
        "secretariat": secretariat,
        "other_staff": other_staff,
        "root": root,
    }


def changes(client, query=""):
    response = client.get(f"/api/v1/changes/{query}")
    assert response.status_code == 200, response.content[:400]
    return response.json()["results"]


def test_a_change_through_the_api_shows_who_what_and_the_diff(world):
    staff = client_for(world["secretariat"])
    response = staff.patch(
        "/api/v1/boards/public-board/", {"name": "x"}, format="json"
    )  # boards are read-only: 405, and nothing recorded
    assert response.status_code == 405
    staff.patch("/api/v1/people/pat/", {"biography": "Now a bio."}, format="json")
    rows = changes(staff, "?model=partnerships.person&object=pat&label=update")
    assert len(rows) == 1
    row = rows[0]
    assert row["who"] == "sec-own"
    assert row["via"] == "/api/v1/people/pat/"
    assert row["model"] == "partnerships.person"
    assert row["object_slug"] == "pat"
    assert row["changes"] == {"biography": {"before": "", "after": "Now a bio."}}
    # Anonymous clients see the change of a public record, but not the staff username.
    anonymous = changes(APIClient(), "?model=partnerships.person&object=pat&label=update")
    assert anonymous[0]["who"] == "registry staff"
    assert anonymous[0]["changes"] == row["changes"]


def test_anonymous_clients_see_changes_of_published_records_only(world):
    seen = {(r["model"], r["object_slug"]) for r in changes(APIClient(), "?limit=200")}
    assert ("partnerships.board", "public-board") in seen
    assert ("partnerships.board", "draft-board") not in seen
    assert not any(model in {"icsgov.systemaccess", "auth.user"} for model, _ in seen)


def test_staff_see_their_systems_changes_and_not_anothers_drafts(world):
    own_rows = changes(client_for(world["secretariat"]), "?limit=200")
    assert "draft-board" not in {r["object_slug"] for r in own_rows}
    other_rows = changes(client_for(world["other_staff"]), "?limit=200")
    assert "draft-board" in {r["object_slug"] for r in other_rows}


def test_staff_do_not_see_a_draft_elsewhere_whose_id_is_their_systems(world):
    """A system's staff see its own changes (and its deletion) by the system's id; the draft of
    another system with the same id, of another kind of record, stays unseen."""
    from partnerships.models import Board
    from places.models import System

    same = max(System.objects.order_by("-pk")[0].pk, Board.objects.order_by("-pk")[0].pk) + 1000
    system = factories.SystemFactory(pk=same, slug="twin-system")
    factories.BoardFactory(
        pk=same, system=world["draft_board"].system, slug="twin-draft", is_published=False
    )
    viewer = factories.UserFactory(username="view-twin", is_staff=True)
    SystemAccess.objects.create(user=viewer, system=system, role=AccessRole.VIEWER)
    rows = changes(client_for(viewer), "?limit=200")
    assert "twin-system" in {r["object_slug"] for r in rows}
    assert "twin-draft" not in {r["object_slug"] for r in rows}


def test_private_fields_appear_in_changes_only_to_those_who_keep_the_person(world):
    person = world["person"]
    person.email, person.phone = "changed.private@example.nhs.uk", "07700 900999"
    person.save()
    viewer = factories.UserFactory(username="view-own", is_staff=True)
    SystemAccess.objects.create(
        user=viewer, system=world["public_board"].system, role=AccessRole.VIEWER
    )
    for client in (APIClient(), client_for(world["other_staff"]), client_for(viewer)):
        body = client.get("/api/v1/changes/?limit=200").content.decode()
        for secret in (SECRET_EMAIL, SECRET_PHONE, "changed.private", "900999"):
            assert secret not in body
        assert '"email"' not in body and '"phone"' not in body
    # The secretariat of the person's system keep the record, contact details included.
    for keeper in (world["root"], world["secretariat"]):
        body = client_for(keeper).get("/api/v1/changes/?limit=200").content.decode()
        assert SECRET_EMAIL in body and "changed.private@example.nhs.uk" in body


def test_a_change_to_contact_details_alone_is_not_dated_in_the_public_history(world):
    person = world["person"]
    person.phone = "07700 900555"
    person.save()
    label = "?model=partnerships.person&object=pat&label=update"
    assert changes(APIClient(), label) == []
    assert changes(client_for(world["other_staff"]), label) == []
    assert [r["changes"] for r in changes(client_for(world["secretariat"]), label)] == [
        {"phone": {"before": SECRET_PHONE, "after": "07700 900555"}}
    ]


def test_a_change_to_contact_details_and_a_public_field_shows_the_public_field_alone(world):
    person = world["person"]
    person.phone, person.honorific = "07700 900556", "Prof"
    person.save()
    label = "?model=partnerships.person&object=pat&label=update"
    for client in (APIClient(), client_for(world["other_staff"])):
        assert [r["changes"] for r in changes(client, label)] == [
            {"honorific": {"before": "", "after": "Prof"}}
        ]
    # A later change of the phone alone is still left out, compared with this one.
    person.phone = "07700 900557"
    person.save()
    assert len(changes(APIClient(), label)) == 1
    assert len(changes(client_for(world["secretariat"]), label)) == 2


def cursor_of(back, *at, order="desc"):
    """A cursor as the feed writes one (its JSON by hand, so that it may hold what JSON
    encoders refuse)."""
    values = ",".join(f'"{value}"' for value in at)
    named = f'"order":"{order}",' if order else ""
    raw = f'{{"back":{str(back).lower()},{named}"at":[{values}]}}'.encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def follow(client, url, link="next"):
    """Every page from ``url`` on, following each answer's ``link``."""
    pages = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content[:300]
        pages.append(response.json())
        url = pages[-1][link]
    return pages


def ids(pages):
    return [row["id"] for page in pages for row in page["results"]]


@pytest.mark.parametrize("role", ["anonymous", "other_staff", "secretariat", "root"])
@pytest.mark.parametrize("ordering", ["", "&ordering=when"])
def test_the_pages_follow_one_another_by_cursor_through_what_the_client_may_see(
    world, role, ordering
):
    client = client_for(None if role == "anonymous" else world[role])
    # Four people made in one transaction: their changes share their time, and the key
    # keeps their order (and so where each page ends) the same from one request to the next.
    with command_context("import"):
        factories.PersonFactory.create_batch(4)
    everything = changes(client, f"?limit=200{ordering}")
    assert len(everything) > 5
    pages = follow(client, f"/api/v1/changes/?limit=2{ordering}")
    assert ids(pages) == [row["id"] for row in everything]
    assert all(len(page["results"]) == 2 for page in pages[:-1])
    assert pages[0]["previous"] is None and pages[-1]["next"] is None
    assert all("count" not in page for page in pages)
    # Back from the last page, through the previous links: the same pages, in reverse.
    back = follow(client, pages[-1]["previous"], "previous")
    assert [page["results"] for page in back] == [page["results"] for page in pages[-2::-1]]


def test_a_cursor_of_one_order_is_refused_in_the_other(world):
    client = APIClient()
    factories.PersonFactory.create_batch(3)
    oldest_first = client.get("/api/v1/changes/?limit=2&ordering=when").json()["next"]
    assert client.get(oldest_first).status_code == 200
    refused = client.get(oldest_first.replace("ordering=when", "ordering=-when"))
    assert refused.status_code == 400
    assert refused.json()["errors"]["cursor"] == [
        "Not a cursor of this list: follow a next or previous link as it was given."
    ]
    # A cursor given before cursors named their order is read in the order asked.
    unnamed = cursor_of(False, "2026-01-01T00:00:00Z", "x", order=None)
    assert client.get(f"/api/v1/changes/?cursor={unnamed}").status_code == 200


def test_the_last_day_there_is_and_a_csv_page_with_its_links_in_the_header(world):
    client = APIClient()
    factories.PersonFactory.create_batch(3)
    assert changes(client, "?date_before=9999-12-31&limit=200") == changes(client, "?limit=200")
    first = client.get("/api/v1/changes/?limit=2&format=csv")
    assert first.status_code == 200 and first["Content-Type"].startswith("text/csv")
    following = client.get("/api/v1/changes/?limit=2").json()["next"]
    cursor = following.split("cursor=")[1].split("&")[0]
    assert first["Link"].endswith('; rel="next"') and f"cursor={cursor}" in first["Link"]
    # A time zone Python allows and Postgres does not (beyond 15:59) is read as UTC.
    beyond = cursor_of(False, "2026-01-01T00:00:00+20:00", "x")
    assert client.get(f"/api/v1/changes/?cursor={beyond}").status_code == 200
    second = client.get(first["Link"].split(">")[0].lstrip("<"))
    assert second.status_code == 200 and 'rel="prev"' in second["Link"]


@pytest.mark.parametrize(
    "query",
    [
        "?cursor=not-a-cursor",
        "?cursor=eyJiYWNrIjoxLCJhdCI6W119",  # JSON, but not a position this list gives
        "?cursor=" + cursor_of(False, "2026-13-01", "x"),  # month 13
        "?cursor=" + cursor_of(False, "2026-01-01", "x"),  # a day, not a time
        # A time, and a key with a NUL in it (no Postgres text holds one).
        "?cursor=" + cursor_of(False, "2026-01-01T00:00:00Z", "x\\u0000y"),
        # A good position, but in a cursor of the other order.
        "?cursor=" + cursor_of(False, "2026-01-01T00:00:00Z", "x", order="asc"),
        "?offset=100",
        "?limit=0",
        "?limit=ten",
        "?ordering=when,-when",
        # Year 1 at +05:00 (before year 1 in UTC); a lone surrogate in the key; JSON nested
        # deeper than Python reads.
        "?cursor=" + cursor_of(False, "0001-01-01T00:00:00+05:00", "x"),
        "?cursor=" + cursor_of(False, "2026-01-01T00:00:00+00:00", "\\ud800"),
        "?cursor=" + base64.urlsafe_b64encode(b"[" * 5000).decode(),
    ],
)
def test_a_cursor_or_limit_the_feed_did_not_give_is_a_400(world, query):
    response = APIClient().get(f"/api/v1/changes/{query}")
    assert response.status_code == 400, response.content[:300]
    assert response.json()["detail"]


@pytest.mark.parametrize("role", ["anonymous", "other_staff", "secretariat"])
@pytest.mark.parametrize("model", [None, "partnerships.Person", "partnerships.Meeting"])
def test_each_viewers_feed_is_what_the_unions_rules_give_them(world, role, model):
    """The feed checks each key it reads against what the viewer may see (history.visible_keys);
    django-pghistory's union of the event tables, filtered once for the whole history
    (history.visible_events), gives the same changes in the same order: public records, the
    viewer's own systems, their deletions, and without updates that changed only contact
    details the viewer may not see."""
    from icsgov.core.history import visible_events

    user = None if role == "anonymous" else world[role]
    person = world["person"]
    person.phone = "07700 900999"
    person.save()  # a change of a contact detail alone
    client_for(world["secretariat"]).patch(
        "/api/v1/people/pat/", {"honorific": "Dr"}, format="json"
    )
    factories.MeetingFactory(board=world["draft_board"]).delete()
    factories.MeetingFactory(board=world["public_board"]).delete()
    person.memberships.first().delete()
    query = f"&model={model.lower()}" if model else ""  # only that kind's rules are built
    from_keys = ids(follow(client_for(user), f"/api/v1/changes/?limit=3{query}"))
    union = visible_events(user).order_by("-pgh_created_at", "-pgh_slug")
    if model:
        union = union.filter(pgh_obj_model=model)
    assert from_keys == list(union.values_list("pgh_slug", flat=True))
    assert len(from_keys) > 5 or model is not None


def test_filters_by_model_object_label_user_and_date(world):
    root = client_for(world["root"])
    with command_context("load_seed"):
        factories.MeetingFactory(board=world["public_board"], slug="by-command")
    rows = changes(root, "?model=partnerships.meeting&object=by-command")
    assert [r["label"] for r in rows] == ["insert"]
    assert rows[0]["who"] == "command load_seed"
    today = datetime.date.today().isoformat()
    assert changes(root, f"?model=partnerships.meeting&date_after={today}")
    assert not changes(root, "?model=partnerships.meeting&date_before=2000-01-01")
    client_for(world["secretariat"]).patch(
        "/api/v1/people/pat/", {"honorific": "Dr"}, format="json"
    )
    by_user = changes(root, "?user=sec-own")
    assert by_user and all(r["who"] == "sec-own" for r in by_user)
    assert changes(root, "?user=nobody") == []
    deleted_id = world["person"].pk
    assert changes(root, f"?model=partnerships.person&object={deleted_id}")


@pytest.mark.parametrize(
    "query",
    [
        "?object=pat",
        "?model=partnerships.person&object=no-such-person",
        "?model=not.a.model",
        "?date_after=2023-02-30",
        "?label=erase",
        "?user=sec-own",  # anonymous clients may not filter by user
    ],
)
def test_bad_filters_are_400s(world, query):
    response = APIClient().get(f"/api/v1/changes/{query}")
    assert response.status_code == 400, response.content[:300]
    assert response.json()["detail"]


def test_an_unpublished_object_is_unknown_to_anonymous_clients(world):
    assert (
        APIClient().get("/api/v1/changes/?model=partnerships.board&object=draft-board").status_code
        == 400
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx)


@pytest.mark.parametrize("role", ["anonymous", "secretariat", "root"])
def test_changes_run_the_same_number_of_queries_for_5_and_50_events(world, role):
    client = client_for(None if role == "anonymous" else world[role])
    with command_context("import", user=world["secretariat"]):
        factories.PersonFactory.create_batch(5)
    query = "?model=partnerships.person&label=insert&limit=200"
    few = count_queries(client, f"/api/v1/changes/{query}")
    assert len(changes(client, query)) >= 5
    with command_context("import", user=world["root"]):
        factories.PersonFactory.create_batch(45)
    many = count_queries(client, f"/api/v1/changes/{query}")
    assert len(changes(client, query)) >= 50
    assert few == many


# A viewer's condition is built once and kept for every viewer like them (history.visible_keys):
# what it is made of — their access, today's date, the settings — changes what they see from
# the next request.


def test_a_viewer_given_or_losing_a_systems_access_sees_the_difference_on_the_next_request(
    world,
):
    user = world["secretariat"]
    twin = factories.UserFactory(username="sec-own-too", is_staff=True)
    SystemAccess.objects.create(
        user=twin, system=user.system_access.get().system, role=AccessRole.SECRETARIAT
    )

    def slugs(who):
        return {row["object_slug"] for row in changes(client_for(who), "?limit=200")}

    assert "draft-board" not in slugs(user)
    access = SystemAccess.objects.create(
        user=user, system=world["draft_board"].system, role=AccessRole.VIEWER
    )
    assert "draft-board" in slugs(user)
    assert "draft-board" not in slugs(twin)  # the same access as before: still unseen
    access.delete()
    assert slugs(user) == slugs(twin)
    assert "draft-board" not in slugs(user)
    # A draft of their own system, and a draft meeting of it deleted: seen while staff.
    own = user.system_access.get().system
    factories.BoardFactory(system=own, slug="own-draft", is_published=False)
    gone = factories.MeetingFactory(board=world["public_board"], slug="gone", is_public=False)
    gone.delete()
    assert {"own-draft", "gone"} <= slugs(user)
    user.is_staff = False
    user.save()
    assert slugs(user) == slugs(None)  # no longer staff: the public record alone
    assert not {"own-draft", "gone"} & slugs(user)


def test_a_viewers_condition_is_built_once_and_kept_for_the_next_request(world):
    from icsgov.core import history

    client = client_for(world["secretariat"])
    first = changes(client, "?limit=5")
    built = history._keys_condition.cache_info()
    assert changes(client, "?limit=5") == first
    again = history._keys_condition.cache_info()
    assert (again.hits, again.misses) == (built.hits + 1, built.misses)


def test_a_superuser_no_longer_one_sees_what_their_roles_give_them(world):
    root = world["root"]
    assert "draft-board" in {row["object_slug"] for row in changes(client_for(root), "?limit=200")}
    root.is_superuser = False
    root.save()
    rows = changes(client_for(root), "?limit=200")
    assert "draft-board" not in {row["object_slug"] for row in rows}
    assert "public-board" in {row["object_slug"] for row in rows}


def test_a_condition_made_as_the_clock_passes_midnight_is_of_the_day_it_is_kept_for(
    world, monkeypatch
):
    """The rules read today's date themselves; while a condition is made for a day, today is
    that day (so one made as midnight passes is not half of the next)."""
    from django.utils import timezone

    from icsgov.core import history
    from icsgov.models import ChangeKey

    day = timezone.localdate()
    tomorrow = day + datetime.timedelta(days=1)
    meeting = factories.MeetingFactory(board=world["public_board"], is_public=True)
    paper = factories.MeetingPaperFactory(meeting=meeting, is_public=True, published_on=tomorrow)
    history._keys_condition.cache_clear()
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)  # midnight
    labels = tuple(model._meta.label for model in history.tracked_models())
    viewer = history.Viewer(None)
    sql = history._keys_condition("icsgov.ChangeKey", viewer.key, day, labels, "default")
    from django.db.models import BooleanField
    from django.db.models.expressions import RawSQL

    seen = ChangeKey.objects.filter(RawSQL(sql, (), output_field=BooleanField()))
    assert not seen.filter(pgh_obj_model="partnerships.MeetingPaper", pgh_obj_id=str(paper.pk))
    history._keys_condition.cache_clear()


def test_a_paper_published_tomorrow_enters_the_public_feed_tomorrow(world, monkeypatch):
    from django.utils import timezone

    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    meeting = factories.MeetingFactory(board=world["public_board"], is_public=True)
    paper = factories.MeetingPaperFactory(meeting=meeting, is_public=True, published_on=tomorrow)

    def papers():
        rows = changes(APIClient(), "?limit=200")
        return {row["object_id"] for row in rows if row["model"] == "partnerships.meetingpaper"}

    assert str(paper.pk) not in papers()
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert str(paper.pk) in papers()


def test_a_setting_the_rules_read_changes_the_feed_from_the_next_request(world, settings):
    factories.SystemFactory(slug="synthetic-feed", is_synthetic=True)

    def slugs():
        return {row["object_slug"] for row in changes(APIClient(), "?limit=200")}

    settings.SHOW_SYNTHETIC = False
    assert "synthetic-feed" not in slugs()
    settings.SHOW_SYNTHETIC = True
    assert "synthetic-feed" in slugs()


def test_a_rule_that_reads_the_database_while_the_condition_is_built_is_refused(world, monkeypatch):
    """A value a rule read from the database would be kept past the next change, so reading one
    while the condition is built is an error (in development, not a stale feed)."""
    from icsgov.core import history

    seen_rows = history._seen_rows

    def reading(model, user):
        list(model._default_manager.all()[:1])
        return seen_rows(model, user)

    monkeypatch.setattr(history, "_seen_rows", reading)
    history._keys_condition.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="read the database while the changes feed"):
            client_for(world["secretariat"]).get("/api/v1/changes/")
    finally:
        history._keys_condition.cache_clear()


def test_the_feeds_own_list_is_read_by_a_prepared_statement_and_a_filtered_one_is_not(world):
    """The unfiltered feed's page of keys is prepared on the connection once and executed by
    name after (icsgov.core.prepared), one query either way; a filtered page is planned for its
    values each time."""
    client = client_for(world["secretariat"])

    def key_queries(query):
        with CaptureQueriesContext(connection) as queries:
            rows = changes(client, query)
        return rows, [
            q["sql"]
            for q in queries
            if "icsgov_change_key" in q["sql"] or "EXECUTE icsgov_" in q["sql"]
        ]

    rows, first = key_queries("?limit=2")
    again_rows, again = key_queries("?limit=2")
    assert again_rows == rows and len(rows) == 2
    assert len(first) == 1 and "PREPARE icsgov_" in first[0]
    assert len(again) == 1 and "EXECUTE icsgov_" in again[0] and "PREPARE" not in again[0]
    _, filtered = key_queries("?limit=2&label=insert")
    assert len(filtered) == 1 and "PREPARE" not in filtered[0] and "EXECUTE" not in filtered[0]


# The feed is read from the keys table (icsgov.change_keys), kept by triggers on every event
# table: the same changes as the events' own union, and never behind them.

TODAY = datetime.date.today()


@pytest.mark.parametrize(
    "query, events",
    [
        ("", lambda union, world: union),
        (
            "?model=partnerships.person&object=pat",
            lambda union, world: union.filter(
                pgh_obj_model="partnerships.Person", pgh_obj_id=str(world["person"].pk)
            ),
        ),
        (
            "?model=partnerships.membership&label=insert",
            lambda union, world: union.filter(
                pgh_obj_model="partnerships.Membership", pgh_label="insert"
            ),
        ),
        ("?label=update", lambda union, world: union.filter(pgh_label="update")),
        (
            "?user=sec-own",
            lambda union, world: union.filter(pgh_context__user=world["secretariat"].pk),
        ),
        ("?ordering=when", lambda union, world: union.order_by("pgh_created_at", "pgh_slug")),
        ("?date_before=2000-01-01", lambda union, world: union.none()),
        (f"?date_before={TODAY}", lambda union, world: union),
        (
            f"?date_after={TODAY}",
            lambda union, world: union.filter(pgh_created_at__date__gte=TODAY),
        ),
        (
            f"?date_after={TODAY + datetime.timedelta(days=1)}",
            lambda union, world: union.none(),
        ),
    ],
)
def test_a_superusers_feed_from_the_keys_is_every_event_of_the_union(world, query, events):
    from pghistory.models import Events

    from icsgov.core.history import tracked_models

    client_for(world["secretariat"]).patch(
        "/api/v1/people/pat/", {"honorific": "Dr", "email": "new@example.nhs.uk"}, format="json"
    )
    with command_context("import", user=world["secretariat"]):
        factories.PersonFactory.create_batch(3)
    world["person"].memberships.first().delete()
    root = client_for(world["root"])
    joined = "&" if query else "?"
    from_keys = ids(follow(root, f"/api/v1/changes/{query}{joined}limit=2"))
    union = Events.objects.filter(pgh_obj_model__in=[m._meta.label for m in tracked_models()])
    union = union.order_by("-pgh_created_at", "-pgh_slug")
    assert from_keys == list(events(union, world).values_list("pgh_slug", flat=True))


def tracked_events():
    """Every event of a registry record (the feed's; roles' history is the admin's alone)."""
    from pghistory.models import Events

    from icsgov.core.history import tracked_models

    return Events.objects.filter(pgh_obj_model__in=[m._meta.label for m in tracked_models()])


def test_every_event_table_keeps_the_feeds_keys_and_they_follow_its_events(world):
    from icsgov import change_keys
    from icsgov.models import ChangeKey
    from partnerships.models import Person

    def keys():
        return set(ChangeKey.objects.values_list("pgh_slug", flat=True))

    def events():
        return set(tracked_events().values_list("pgh_slug", flat=True))

    assert change_keys.missing(connection) == []
    assert keys() == events() and keys()
    root = client_for(world["root"])
    client_for(world["secretariat"]).patch("/api/v1/people/pat/", {"name": "Pat Q"}, format="json")
    # (One test is one transaction: its changes share their time, so "newest" is not tested.)
    (change,) = changes(root, "?model=partnerships.person&object=pat&label=update")
    assert (change["changes"]["name"]["after"], change["who"]) == ("Pat Q", "sec-own")
    assert keys() == events()
    table = next(t for t, _, tracked in change_keys.tables() if tracked == "partnerships.Person")
    # An event changed in place (pghistory never does; a repair by hand might) moves its key.
    with connection.cursor() as cursor:
        cursor.execute(f'UPDATE "{table}" SET pgh_created_at = %s', ["2023-04-01T12:00:00Z"])
    moved = ChangeKey.objects.filter(pgh_obj_model="partnerships.Person")
    assert {key.pgh_created_at.isoformat() for key in moved} == {"2023-04-01T12:00:00+00:00"}
    assert keys() == events()
    # Events removed (as the synthetic data's removal does) take their keys with them.
    with connection.cursor() as cursor:
        cursor.execute(f'DELETE FROM "{table}" WHERE pgh_obj_id = %s', [Person.objects.get().pk])
    assert keys() == events()
    assert not changes(root, "?model=partnerships.person")
    with connection.cursor() as cursor:
        cursor.execute(f'TRUNCATE "{table}"')
    assert keys() == events()


def test_the_keys_are_made_for_an_event_table_that_lacks_them(world):
    """A later migration's event table gets the triggers, and the keys of its events, at the
    next migrate (post_migrate runs change_keys.install)."""
    from icsgov import change_keys
    from icsgov.models import ChangeKey

    table = next(t for t, _, tracked in change_keys.tables() if tracked == "partnerships.Person")
    with connection.cursor() as cursor:
        for name, *_ in change_keys.TRIGGERS:
            cursor.execute(f'DROP TRIGGER {name} ON "{table}"')
    ChangeKey.objects.filter(pgh_obj_model="partnerships.Person").delete()
    assert change_keys.missing(connection) == [table]
    change_keys.on_post_migrate()
    assert change_keys.missing(connection) == []
    assert set(ChangeKey.objects.values_list("pgh_slug", flat=True)) == set(
        tracked_events().values_list("pgh_slug", flat=True)
    )
    factories.PersonFactory(slug="after")
    assert changes(client_for(world["root"]), "?model=partnerships.person&object=after")


def test_triggers_naming_another_model_and_keys_of_a_table_gone_are_mended(world):
    from icsgov import change_keys
    from icsgov.models import ChangeKey

    table = next(t for t, _, tracked in change_keys.tables() if tracked == "partnerships.Person")
    with connection.cursor() as cursor:
        cursor.execute(
            f'CREATE OR REPLACE TRIGGER icsgov_change_keys_added AFTER INSERT ON "{table}" '
            "REFERENCING NEW TABLE AS added FOR EACH STATEMENT "
            f"EXECUTE FUNCTION {change_keys.FUNCTION}('old.PersonEvent', 'old.Person')"
        )
    ChangeKey.objects.create(
        pgh_slug="gone.ThingEvent:1",
        pgh_model="gone.ThingEvent",
        pgh_id=1,
        pgh_created_at="2024-01-01T00:00:00Z",
        pgh_obj_model="gone.Thing",
        pgh_obj_id="1",
        pgh_label="insert",
    )
    assert change_keys.missing(connection) == [table]
    change_keys.on_post_migrate()
    assert change_keys.missing(connection) == []
    assert not ChangeKey.objects.filter(pgh_model__startswith="gone.").exists()
    factories.PersonFactory(slug="mended")
    (change,) = changes(client_for(world["root"]), "?model=partnerships.person&object=mended")
    assert change["id"].startswith("partnerships.PersonEvent:")


@pytest.mark.parametrize("role", ["anonymous", "root"])
@pytest.mark.parametrize("ordering", ["when,", ",", "-when,,", ""])
def test_empty_orderings_are_the_default_or_the_one_given(world, role, ordering):
    client = client_for(None if role == "anonymous" else world[role])
    given = ordering.strip(",")
    expected = changes(client, f"?ordering={given}" if given else "")
    assert changes(client, f"?ordering={ordering}") == expected


@pytest.mark.parametrize("role", ["anonymous", "secretariat", "root"])
def test_the_feeds_answers_are_what_its_schemas_serializer_gives(world, role):
    """The feed makes its answers directly (``answer``); ``ChangeSerializer``, the schema's,
    gives the same for each change: inserts, an update, a delete, by a user and a command."""
    from pghistory.models import Events

    from icsgov.api.changes import ChangeSerializer, answer
    from icsgov.core.history import describe_all, events_by_key

    user = None if role == "anonymous" else world[role]
    client_for(world["secretariat"]).patch(
        "/api/v1/people/pat/", {"honorific": "Dr", "phone": "07700 900111"}, format="json"
    )
    with command_context("import"):
        world["person"].memberships.first().delete()
    keys = list(Events.objects.order_by("pgh_slug").values_list("pgh_slug", flat=True))
    changes = describe_all(events_by_key(keys), user, named=False)
    assert {change.label for change in changes} == {"insert", "update", "delete"}
    for change in changes:
        source = {
            "pgh_slug": change.id,
            "pgh_created_at": change.when,
            "who": change.who,
            "via": change.via,
            "model": change.model,
            "pgh_obj_id": change.object_id,
            "object_slug": change.object_slug,
            "pgh_label": change.label,
            "changes": {f.name: {"before": f.before, "after": f.after} for f in change.fields},
        }
        assert answer(change) == ChangeSerializer(source).data
