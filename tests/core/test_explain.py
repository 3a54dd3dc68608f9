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


def sequential_scans(sqls):
    """The big tables each query reads from end to end, by its EXPLAIN."""
    found = []
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        for sql in sqls:
            sql = CONTEXT.sub("", sql)
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            cursor.execute(f"EXPLAIN {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
            found += [
                (table, sql[:120]) for table in BIG_TABLES if f"Seq Scan on {table} " in plan + " "
            ]
        cursor.execute("SET LOCAL enable_seqscan = on")
    return found


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
