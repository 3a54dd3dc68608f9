"""`manage.py export_registry` and `import_registry` (icsgov/backup.py, issue #11 "Nothing lost").

The round trips export the registry, empty every table the file holds as a new database has them
(TRUNCATE ... RESTART IDENTITY, inside the test's transaction, so the sequences start again too),
import the file, and export again: the two files hold the same tables with the same rows, counts
and checksums — the history included — and the registry works on: the next save takes the next
id and is recorded in the history again. A file that is malformed or was tampered with loads
nothing, and the command says why.
"""

import contextlib
import gzip
import io
import json

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import CommandError, call_command
from django.db import connection
from pghistory.models import Context, Event, Events
from rest_framework.authtoken.models import Token

from icsgov import backup
from icsgov.access import AccessRole, SystemAccess
from icsgov.core.history import command_context, tracked_models
from icsgov.synthetic import Shape, generate
from partnerships.models import Board, Meeting, Post
from places.models import System, SystemEvent
from tests import factories
from tests.conftest import make_system

pytestmark = pytest.mark.django_db


# -- helpers --------------------------------------------------------------------------------


def read(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def export(path):
    call_command("export_registry", str(path), stdout=io.StringIO())
    return read(path)


def import_file(path, *args):
    out = io.StringIO()
    call_command("import_registry", str(path), *args, stdout=out)
    return out.getvalue()


def empty_registry():
    """Every table the file holds emptied and its sequence restarted, as in a new database."""
    names = ", ".join(connection.ops.quote_name(t.db_table) for t in backup.tables())
    with connection.cursor() as cursor:
        # The foreign keys are checked at commit; TRUNCATE wants no check pending.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    assert backup.non_empty_tables() == []


def summary(document):
    return [(t["table"], t["count"], t["checksum"]) for t in document["tables"]]


def rows_of(document, label):
    return next(t for t in document["tables"] if t["table"] == label)


def round_trip(tmp_path, name="registry.json"):
    """Export, empty, import, export again; the first file, the second, and what import said."""
    first = export(tmp_path / f"first-{name}")
    empty_registry()
    said = import_file(tmp_path / f"first-{name}")
    second = export(tmp_path / f"second-{name}")
    assert summary(second) == summary(first)
    assert second["tables"] == first["tables"]  # every row of every table, in order
    return first, second, said


def staff_with_everything(system, username="sec"):
    """A secretariat user with a password, a role, a group with a permission, a permission of
    their own and an API token."""
    user = factories.UserFactory(username=username, is_staff=True, email=f"{username}@nhs.net")
    user.set_password("a-long-enough-passphrase")
    user.save()
    SystemAccess.objects.create(user=user, system=system, role=AccessRole.SECRETARIAT)
    group = Group.objects.create(name=f"{username} editors")
    group.permissions.add(Permission.objects.get(codename="change_board"))
    user.groups.add(group)
    user.user_permissions.add(Permission.objects.get(codename="view_person"))
    token = Token.objects.create(user=user)
    return user, token.key


def assert_the_registry_works_on(label_counts):
    """The next save takes the next id (sequences reset) and is recorded (triggers on)."""
    newest = System.objects.order_by("-pk").first()
    newest_event = SystemEvent.objects.order_by("-pgh_id").first()
    with command_context("after-import"):
        system = factories.SystemFactory()
        newest.name = f"{newest.name} (renamed)"
        newest.save()
    assert system.pk == newest.pk + 1
    events = SystemEvent.objects.filter(pgh_id__gt=newest_event.pgh_id).order_by("pgh_id")
    assert [(e.pgh_label, e.pgh_obj_id) for e in events] == [
        ("insert", system.pk),
        ("update", newest.pk),
    ]
    assert events[0].pgh_id == newest_event.pgh_id + 1
    assert events[1].pgh_context.metadata["command"] == "after-import"
    assert Context.objects.count() == label_counts["pghistory.Context"] + 1


# -- round trips ----------------------------------------------------------------------------


def test_synthetic_national_data_round_trips_with_its_history(tmp_path):
    with command_context("generate_synthetic"):
        counts = generate(Shape(systems=3, places_per_system=2, clusters_per_place=2))
    with command_context("edits"):
        board = Board.objects.filter(system__is_synthetic=True).first()
        board.name = f"{board.name} (renamed)"
        board.save()
        Meeting.objects.filter(board=board).first().delete()
    user, key = staff_with_everything(System.objects.first())

    first, _, said = round_trip(tmp_path, "registry.json.gz")

    counts_in_file = {t["table"]: t["count"] for t in first["tables"]}
    assert counts_in_file["places.System"] == counts["systems"] == 3
    assert counts_in_file["partnerships.Membership"] == counts["memberships"]
    # The history came across as it was: no more events than before, none fewer.
    labels = {e.pgh_label for e in Events.objects.all()}
    assert labels == {"insert", "update", "delete"}
    assert counts_in_file["partnerships.MembershipEvent"] == counts["memberships"]
    assert counts_in_file["pghistory.Context"] == 2
    assert f"{counts['memberships']}" in said and "sequences reset" in said
    # Users, roles, groups, permissions and tokens.
    user = User.objects.get(username="sec")
    assert user.check_password("a-long-enough-passphrase")
    assert user.has_perm("partnerships.change_board") and user.has_perm("partnerships.view_person")
    assert Token.objects.get(key=key).user == user
    assert SystemAccess.objects.get(user=user).role == AccessRole.SECRETARIAT
    assert_the_registry_works_on(counts_in_file)


# -- what the file holds, and its format ----------------------------------------------------


def test_the_file_holds_every_registry_table_with_its_history(tmp_path):
    make_system("Own")
    document = export(tmp_path / "registry.json")
    assert (document["format"], document["version"]) == ("icsgov-registry", 1)
    labels = [t["table"] for t in document["tables"]]
    assert len(labels) == len(set(labels))
    for model in tracked_models():
        assert model._meta.label in labels
        event = next(
            r.related_model
            for r in model._meta.related_objects
            if issubclass(r.related_model, Event)
        )
        assert event._meta.label in labels
    for label in (
        "auth.User",
        "auth.Group",
        "auth.User_groups",
        "auth.Group_permissions",
        "authtoken.Token",
        "icsgov.SystemAccess",
        "icsgov.SystemAccessEvent",
        "pghistory.Context",
        "places.System_predecessors",
    ):
        assert label in labels
    # Foreign keys first: a system before its places, a board before its seats.
    assert labels.index("places.System") < labels.index("places.Place")
    assert labels.index("partnerships.Board") < labels.index("partnerships.Post")
    assert labels.index("auth.User") < labels.index("authtoken.Token")
    # Each table's checksum is that of its columns and rows.
    for table in document["tables"]:
        assert table["count"] == len(table["rows"])
        assert table["checksum"] == backup.table_checksum(table["columns"], table["rows"])


def test_export_to_standard_output_gives_the_same_file(tmp_path):
    make_system("Own")
    out, err = io.StringIO(), io.StringIO()
    call_command("export_registry", "-", stdout=out, stderr=err)
    assert summary(json.loads(out.getvalue())) == summary(export(tmp_path / "registry.json"))
    assert "Exported" in err.getvalue()


def test_one_row_per_line_and_any_layout_reads_back(tmp_path, monkeypatch):
    own = make_system("Own")
    staff_with_everything(own.system)
    path = tmp_path / "registry.json"
    document = export(path)
    lines = path.read_text().splitlines()
    assert lines[1].startswith('{"table":"auth.Group","columns":["id","name"],"rows":[')
    assert any(line.startswith("[") and '"Own Integrated Care System"' in line for line in lines)
    # Pretty-printed by another tool, read a few characters at a time: still the same registry.
    pretty = tmp_path / "pretty.json"
    pretty.write_text(json.dumps(document, indent=2))
    monkeypatch.setattr(backup, "CHUNK", 7)
    assert "The file is sound" in import_file(pretty, "--check")
    empty_registry()
    import_file(pretty)
    monkeypatch.undo()
    assert summary(export(tmp_path / "again.json")) == summary(document)


def test_check_reads_the_file_without_touching_the_database(tmp_path):
    make_system("Own")
    path = tmp_path / "registry.json"
    document = export(path)
    said = import_file(path, "--check")  # the database is not empty: --check does not mind
    assert f"{sum(t['count'] for t in document['tables'])} rows" in said
    assert "checksums match" in said


def test_import_refuses_a_database_that_is_not_empty(tmp_path):
    own = make_system("Own")
    path = tmp_path / "registry.json"
    export(path)
    with pytest.raises(CommandError) as refused:
        import_file(path)
    assert "Nothing imported: the database is not empty: " in str(refused.value)
    assert "places.System (1 row)" in str(refused.value)
    assert list(System.objects.all()) == [own.system]


# -- files that load nothing ----------------------------------------------------------------


def _retable(document, label, change):
    table = rows_of(document, label)
    change(table)
    table["count"] = len(table["rows"])
    table["checksum"] = backup.table_checksum(table["columns"], table["rows"])


def _set(table, column, value, row=0):
    table["rows"][row][table["columns"].index(column)] = value


def _rename_a_board(document):
    table = rows_of(document, "partnerships.Board")
    _set(table, "name", "Renamed behind the registry's back")


TAMPERINGS = {
    "cut short": (lambda text: text[: len(text) // 2], "not valid JSON"),
    "not JSON": (lambda text: "registry, probably", "not valid JSON: expected '{'"),
    "trailing data": (lambda text: text + "{}", "more follows the end"),
    "a row changed": (_rename_a_board, "partnerships.Board: the checksum does not match"),
    "an unknown table": (
        lambda d: rows_of(d, "places.Place").update(table="places.Placee"),
        "unknown table 'places.Placee'",
    ),
    "a newer version": (
        lambda d: d.update(version=2),
        "format version 2, newer than this registry reads (version 1)",
    ),
    "another format": (lambda d: d.update(format="csv"), "not an ICS governance registry export"),
    "a table missing": (
        lambda d: d["tables"].remove(rows_of(d, "strategy.GlossaryTermEvent")),
        "no table strategy.GlossaryTermEvent",
    ),
    "a count wrong": (
        lambda d: rows_of(d, "places.System").update(count=5),
        "places.System: the file says 5 rows but holds 1",
    ),
    "other migrations": (
        lambda d: d["migrations"]["places"].append("0099_from_the_future"),
        "other migrations than this one's: places 0099_from_the_future (only in the file)",
    ),
    "a column missing": (
        lambda d: _retable(
            d,
            "places.System",
            lambda t: (t["columns"].pop(), [r.pop() for r in t["rows"]]),
        ),
        "table places.System: the file has no column is_demonstration.",
    ),
    "a short row": (
        lambda d: rows_of(d, "places.System")["rows"][0].pop(),
        "places.System, row 1: expected a list of",
    ),
    "a link to nothing": (
        lambda d: _retable(d, "partnerships.Post", lambda t: _set(t, "board_id", 999999)),
        "the file's rows break a constraint",
    ),
    "a row twice": (
        lambda d: _retable(d, "places.System", lambda t: t["rows"].append(t["rows"][0])),
        "places.System: the database refused its rows",
    ),
    "an unknown permission": (
        lambda d: _retable(
            d, "auth.Group_permissions", lambda t: _set(t, "permission", "places.fly_system")
        ),
        "no permission 'places.fly_system'",
    ),
}


@pytest.mark.parametrize("how", TAMPERINGS)
def test_a_malformed_or_tampered_file_loads_nothing_and_says_why(tmp_path, how):
    own = make_system("Own")
    staff_with_everything(own.system)
    path = tmp_path / "registry.json"
    document = export(path)
    tamper, reason = TAMPERINGS[how]
    if how in ("cut short", "not JSON", "trailing data"):
        path.write_text(tamper(path.read_text()))
    else:
        tamper(document)
        path.write_text(json.dumps(document))
    empty_registry()
    with pytest.raises(CommandError) as refused:
        import_file(path)
    assert str(refused.value).startswith("Nothing imported: ")
    assert reason in str(refused.value)
    assert backup.non_empty_tables() == []
    # Triggers are on again after a failed import too.
    with command_context("after-a-failed-import"):
        factories.SystemFactory()
    assert SystemEvent.objects.count() == 1


def test_an_import_with_the_history_triggers_firing_would_be_refused(tmp_path, monkeypatch):
    """The import checks each table holds the file's rows and no more: were the triggers to
    record the load, the event tables would hold more, and nothing would be kept."""
    make_system("Own")
    path = tmp_path / "registry.json"
    export(path)
    empty_registry()
    monkeypatch.setattr(backup.pgtrigger, "ignore", lambda **kwargs: contextlib.nullcontext())
    with pytest.raises(CommandError, match=r"places.SystemEvent holds 2 rows after the load, not"):
        import_file(path)
    assert backup.non_empty_tables() == []


def test_a_missing_file_says_so(tmp_path):
    with pytest.raises(CommandError, match="Nothing imported: cannot open .*nowhere.json"):
        import_file(tmp_path / "nowhere.json")


# Last: the seed data stays committed until the module ends (tests/site/conftest.py).
def test_seed_data_round_trips(seeded, tmp_path):
    staff_with_everything(System.objects.get(slug="hiow"))
    first, _, _ = round_trip(tmp_path)
    counts = {t["table"]: t["count"] for t in first["tables"]}
    assert counts["places.System"] == System.objects.count() > 0
    assert counts["partnerships.Post"] == Post.objects.count() > 0
    assert counts["pghistory.Context"] > 0
    # The seed loader's own history, with its command named.
    commands = {c["metadata"].get("command") for c in _context(first)}
    assert "load_seed" in commands
    assert_the_registry_works_on(counts)
    # The changes feed's keys are not in the file: their triggers made them as the events loaded.
    from pghistory.models import Events

    from icsgov.core.history import tracked_models
    from icsgov.models import ChangeKey

    events = Events.objects.filter(pgh_obj_model__in=[m._meta.label for m in tracked_models()])
    assert "icsgov.ChangeKey" not in counts
    assert set(ChangeKey.objects.values_list("pgh_slug", flat=True)) == set(
        events.values_list("pgh_slug", flat=True)
    )
    assert ChangeKey.objects.count() > 100


def _context(document):
    table = rows_of(document, "pghistory.Context")
    return [dict(zip(table["columns"], row, strict=True)) for row in table["rows"]]
