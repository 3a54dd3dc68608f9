"""The "as at", search and history reads use indexes: the queries the doors actually send
(captured from API requests) are EXPLAINed after ANALYZE on synthetic data, and none of them reads
the whole of the appointments, attendance, people or history tables (no Seq Scan).

The data is the synthetic generator's (icsgov/synthetic.py) at three systems, which keeps the
test fast; at that size a sequential scan of a few thousand rows can be the planner's honest
choice, so the plans are asked with ``enable_seqscan`` off: Postgres then scans a table end to
end only when no index can answer the query — which is what this test is for. At national
scale (``make bench``'s data) the planner picks the same indexes unprompted."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from icsgov.synthetic import Shape, generate
from partnerships.models import Attendance, Board, Meeting, Membership, Person

pytestmark = pytest.mark.django_db

BIG_TABLES = (
    "partnerships_membership",
    "partnerships_attendance",
    "partnerships_person",
    "partnerships_membershipevent",
    "partnerships_attendanceevent",
    "partnerships_personevent",
)


@pytest.fixture
def national(settings):
    settings.SHOW_SYNTHETIC = False
    generate(Shape(systems=3, meetings_per_board=6))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return Board.objects.filter(system__is_synthetic=True, kind="icb_board").first()


#: What django-pghistory puts before each query in a request (the history's context).
CONTEXT = re.compile(
    r"^SELECT set_config\('pghistory\.context_id'.*?'(?:[^']|'')*', true\); ", re.S
)


#: A read run as a prepared statement (icsgov.core.prepared): ``EXECUTE name (values)``.
PREPARED = re.compile(r"(?:^|; )(EXECUTE (icsgov_\w+)(?: \(.*\))?)$", re.S)


def _prepared_plan(cursor, execute):
    """The plan of a prepared read for its values, made now (the session's own plan of it was
    made before ``enable_seqscan`` was turned off): its query, prepared again under another
    name from the text it was prepared with (pg_prepared_statements), explained for the same
    values."""
    statement, name = execute.group(1), execute.group(2)
    cursor.execute("SELECT statement FROM pg_prepared_statements WHERE name = %s", [name])
    text = cursor.fetchone()[0]  # the whole round trip it was prepared in
    start = text.index(f"PREPARE {name} AS ") + len(f"PREPARE {name} AS ")
    cursor.execute(f"PREPARE explained AS {text[start : text.rindex(f'; EXECUTE {name}')]}")
    cursor.execute("SET LOCAL plan_cache_mode = force_custom_plan")
    cursor.execute(f"EXPLAIN {statement.replace(name, 'explained', 1)}")
    plan = "\n".join(row[0] for row in cursor.fetchall())
    cursor.execute("SET LOCAL plan_cache_mode = auto")
    cursor.execute("DEALLOCATE explained")
    return plan


def explained(sqls):
    """(query, its EXPLAIN) for each SELECT of ``sqls``, asked with ``enable_seqscan`` off (for
    a prepared one, its query's)."""
    found = []
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        for sql in sqls:
            sql = CONTEXT.sub("", sql)
            execute = PREPARED.search(sql)
            if execute:
                cursor.execute(
                    "SELECT statement FROM pg_prepared_statements WHERE name = %s",
                    [execute.group(2)],
                )
                sql = cursor.fetchone()[0]  # what it is, for the callers' "which query"
                found.append((sql, _prepared_plan(cursor, execute)))
            elif sql.lstrip().upper().startswith(("SELECT", "WITH")):
                cursor.execute(f"EXPLAIN {sql}")
                found.append((sql, "\n".join(row[0] for row in cursor.fetchall())))
        cursor.execute("SET LOCAL enable_seqscan = on")
    return found


def sequential_scans(sqls):
    """The big tables each query reads from end to end, by its EXPLAIN."""
    return [
        (table, sql[:120])
        for sql, plan in explained(sqls)
        for table in BIG_TABLES
        if f"Seq Scan on {table} " in plan + " "
    ]


def captured(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    return [query["sql"] for query in queries]


def test_a_board_as_at_a_date_reads_its_appointments_by_index(admin_client, national):
    sqls = captured(admin_client, f"/api/v1/boards/{national.slug}/?as_at=2024-06-01")
    sqls += captured(admin_client, f"/api/v1/memberships/?board={national.slug}&as_at=2024-06-01")
    assert len(sqls) > 5
    assert sequential_scans(sqls) == []


def test_searching_people_reads_the_search_indexes(admin_client, national):
    person = Person.objects.filter(memberships__post__board=national).first()
    sqls = captured(admin_client, f"/api/v1/search/?q={person.name}&type=person")
    assert sequential_scans(sqls) == []
    # And the search still finds the person by a misspelt name (the trigram index).
    misspelt = person.name[:-1]
    response = admin_client.get(f"/api/v1/search/?q={misspelt}&type=person")
    assert person.slug in [hit["slug"] for hit in response.json()["results"]]


def test_a_meetings_attendance_and_a_records_history_are_read_by_index(admin_client, national):
    meeting = Meeting.objects.filter(board=national, attendance__isnull=False).first()
    assert Attendance.objects.filter(meeting=meeting).exists()
    membership = Membership.objects.filter(post__board=national).first()
    sqls = captured(admin_client, f"/api/v1/attendance/?meeting={meeting.slug}")
    sqls += captured(
        admin_client,
        f"/api/v1/changes/?model=partnerships.membership&object={membership.slug}",
    )
    assert sequential_scans(sqls) == []


@pytest.mark.parametrize("role", ["anonymous", "staff"])
def test_a_viewers_changes_feed_is_read_from_the_top_of_the_keys_index(
    client, national, settings, role
):
    """A viewer's page of changes (which did not answer in ten minutes at national scale, and
    then took 0.6–1.3 s from the union of the event tables) is the top of the keys table's
    index in the feed's order, each key checked against what the viewer may see as it is read:
    no sort, no count, no event table read end to end; and its events are read by primary key,
    not built for the whole history."""
    from icsgov.access import AccessRole, SystemAccess
    from tests.factories import UserFactory

    settings.SHOW_SYNTHETIC = True  # the synthetic records are public, as in the benchmark
    person = Person.objects.filter(memberships__post__board=national).first()
    person.phone = "07700 900321"
    person.save()  # an update of a contact detail alone: kept out, but not by a diff of all
    person.honorific = "Dr"
    person.save()
    if role == "staff":
        user = UserFactory(is_staff=True)
        SystemAccess.objects.create(user=user, system=national.system, role=AccessRole.VIEWER)
        client.force_login(user)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    sqls = captured(client, "/api/v1/changes/?limit=100")
    assert [scan for scan in sequential_scans(sqls) if scan[0].endswith("event")] == []
    keys = [plan for sql, plan in explained(sqls) if "icsgov_change_key" in sql]
    assert len(keys) == 1
    top = keys[0].splitlines()
    assert top[0].startswith("Limit") and "Index Scan using icsgov_change_key_feed" in top[1]
    assert "WindowAgg" not in keys[0] and "Sort " not in top[1]
    # The page: each event by its table's primary key, and only the tables on the page.
    page = [plan for sql, plan in explained(sqls) if "pghistory_events" in sql]
    assert len(page) == 1 and "Seq Scan" not in page[0] and "_pkey" in page[0]


#: How the reads of the history name it: pghistory's union, an event table, the feed's keys.
HISTORY_TABLES = ("pghistory_events", "pgh_obj", "icsgov_change_key")


@pytest.mark.parametrize(
    "path, memory",
    [("/api/v1/changes/?limit=5", "KEYS_WORK_MEM"), ("/admin/icsgov/change/", "HISTORY_WORK_MEM")],
)
def test_lists_of_changes_are_read_with_the_memory_their_plans_need(admin_client, path, memory):
    """Both doors to the history read it in a transaction with its own ``work_mem``
    (icsgov.core.history.reading_history): the admin's list, which decides for the whole
    history, with it raised (with Postgres's default, a viewer's list of visible attendances
    at national scale did not fit, and the list did not answer in ten minutes); the API's
    feed, which checks only the keys it reads, with it lowered, so that Postgres checks them
    one by one rather than hashing every attendance a viewer may see first."""
    from icsgov.core import history

    sqls = captured(admin_client, path)
    raised = [n for n, sql in enumerate(sqls) if "set_config('work_mem'" in sql]
    assert raised, sqls
    reads = [n for n, sql in enumerate(sqls) if any(t in sql for t in HISTORY_TABLES)]
    assert reads and min(reads) > raised[0]
    with connection.cursor() as cursor:
        cursor.execute("SHOW work_mem")
        assert cursor.fetchone()[0] == getattr(history, memory)


def _page_plans(sqls):
    """The EXPLAIN of each page of 100 among ``sqls``."""
    return [plan for sql, plan in explained(sqls) if "LIMIT 100" in sql]


@pytest.mark.parametrize(
    "path",
    [
        # In the bodies' order by name, then the seat and the start.
        "/api/v1/memberships/?limit=100",
        # In the meetings' order, newest first, then by person.
        "/api/v1/attendance/?limit=100",
        "/api/v1/meetings/?limit=100",
    ],
)
def test_a_long_lists_first_page_is_read_in_its_order_not_sorted_whole(
    admin_client, national, path
):
    """A list whose order starts in another table reads its first page from that table's
    index down (partnerships/0020_list_order_indexes), and counts the list in a scalar
    subquery Postgres answers once, apart from the page: before, the count was a window over
    the page's own rows, so every appointment or attendance was joined and sorted before the
    first 100 (200 and 450 ms at national scale; docs/performance.md, 25)."""
    sqls = captured(admin_client, path)
    (plan,) = _page_plans(sqls)
    assert "WindowAgg" not in plan
    assert "InitPlan" in plan  # the count
    # Under the limit: rows in the order's first columns from an index, sorted only within
    # each group that ties on them (or not at all), never a sort of the whole list.
    assert plan.startswith("Limit"), plan
    (under_limit,) = [line[6:] for line in plan.splitlines() if line.startswith("  ->  ")]
    assert not under_limit.startswith("Sort "), plan
    assert "Index Scan" in plan, plan
