"""Reads run as prepared statements (icsgov.core.prepared): the same rows as the queryset gives,
prepared once on the session and run by name afterwards, one round trip either way (and a
savepoint's release inside a transaction); a new connection, a full set of kept statements,
statements given back behind the session's back and a round trip that failed part-way leave the
next read working, and the transaction it ran in usable."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from icsgov.core import prepared
from partnerships.models import Person
from tests import factories

pytestmark = pytest.mark.django_db


def statements():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pg_prepared_statements WHERE name LIKE 'icsgov_%%'")
        return {name for (name,) in cursor.fetchall()}


@pytest.fixture(autouse=True)
def fresh_session():
    """Each test starts with no statement prepared on the session, as a new connection does."""
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    connection._icsgov_prepared = None
    yield
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    connection._icsgov_prepared = None


@pytest.fixture
def people():
    factories.PersonFactory(name="Ada 100% Lovelace", slug="ada")
    factories.PersonFactory(name="Grace Hopper", slug="grace")
    factories.PersonFactory(name="Alan Turing", slug="alan")
    return Person.objects.order_by("slug")


def test_the_rows_are_the_querysets_prepared_once_and_run_by_name_after(people):
    from django.db.models import CharField
    from django.db.models.expressions import RawSQL

    # A value with a % in it, and a % written in the query itself (Django's %%).
    sign = RawSQL("'100%%'", (), output_field=CharField())
    both = people.annotate(sign=sign)
    queryset = both.filter(name__contains="100%").values_list("slug", "sign") | both.filter(
        name__startswith="G"
    ).values_list("slug", "sign")
    expected = list(queryset)
    assert expected == [("ada", "100%"), ("grace", "100%")]
    # The test runs in a transaction, as a request does: the round trip begins with a
    # savepoint, released after it.
    with CaptureQueriesContext(connection) as first:
        assert prepared.rows(queryset) == expected
    assert len(first) == 2 and "PREPARE icsgov_" in first[0]["sql"]
    assert first[1]["sql"] == "RELEASE SAVEPOINT icsgov_prepared"
    assert len(statements()) == 1
    with CaptureQueriesContext(connection) as again:
        assert prepared.rows(queryset) == expected
    assert len(again) == 2 and "PREPARE" not in again[0]["sql"]
    assert "EXECUTE icsgov_" in again[0]["sql"]
    # The values are parameters of the statement: other values, the same statement.
    other = both.filter(name__contains="Turing").values_list("slug", "sign") | both.filter(
        name__startswith="Z"
    ).values_list("slug", "sign")
    assert prepared.rows(other) == [("alan", "100%")]
    assert len(statements()) == 1


def test_a_new_connection_prepares_again(people):
    queryset = people.values_list("slug")
    assert prepared.rows(queryset) == [("ada",), ("alan",), ("grace",)]
    connection._icsgov_prepared.driver_connection = object()  # as if the session were new
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # a new session has no statements
    assert prepared.rows(queryset) == [("ada",), ("alan",), ("grace",)]
    assert len(statements()) == 1


def test_the_least_recently_used_statement_is_given_back(people):
    def read(n):
        return prepared.rows(people.filter(pk__gt=-n).values_list("slug")[: n + 1])

    for n in range(prepared.KEPT):
        assert read(n)
    first = statements()
    assert read(0)  # the first prepared is now the most recently used
    assert read(prepared.KEPT)  # one more: the least recently used (n=1) is given back
    now = statements()
    assert len(now) == prepared.KEPT
    assert len(first - now) == 1
    with CaptureQueriesContext(connection) as again:
        assert read(0)
    assert "PREPARE" not in again[0]["sql"]  # still kept
    with CaptureQueriesContext(connection) as again:
        assert read(1)
    assert "PREPARE" in again[0]["sql"]  # given back, prepared afresh


def test_statements_given_back_behind_the_sessions_back_are_prepared_afresh(people):
    queryset = people.values_list("slug")
    prepared.rows(queryset)
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # as another user of the session might
    assert prepared.rows(queryset) == [("ada",), ("alan",), ("grace",)]
    assert len(statements()) == 1
    # The test's transaction is usable afterwards.
    assert Person.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_statements_given_back_are_prepared_afresh_too(people):
    assert not connection.in_atomic_block
    queryset = people.values_list("slug")
    with CaptureQueriesContext(connection) as first:
        assert prepared.rows(queryset) == [("ada",), ("alan",), ("grace",)]
    assert len(first) == 1 and "SAVEPOINT" not in first[0]["sql"]
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    assert prepared.rows(queryset) == [("ada",), ("alan",), ("grace",)]
    assert len(statements()) == 1


def test_a_round_trip_that_failed_part_way_raises_and_leaves_the_next_read_working(people):
    from django.db import DataError
    from django.db.models.expressions import RawSQL

    good = people.values_list("slug")
    prepared.rows(good)
    # A read that fails in the database (a value that is no number), not for drift: it raises,
    # in a transaction that stays usable.
    bad = people.filter(pk__in=RawSQL("SELECT (slug)::integer FROM partnerships_person", ()))
    with (
        CaptureQueriesContext(connection) as failed,
        pytest.raises(DataError, match="invalid input syntax"),
    ):
        prepared.rows(bad.values_list("slug"))
    assert "PREPARE" in failed[0]["sql"]
    assert Person.objects.count() == 3
    with CaptureQueriesContext(connection) as again:
        assert prepared.rows(good) == [("ada",), ("alan",), ("grace",)]
    # The session's statements were unknown after the failure: all given back, prepared afresh.
    assert "DEALLOCATE ALL" in again[0]["sql"] and "PREPARE" in again[0]["sql"]
    assert len(statements()) == 1


def test_flat_values_come_flat_and_other_querysets_are_refused(people):
    assert prepared.rows(people.values_list("slug", flat=True)) == ["ada", "alan", "grace"]
    with pytest.raises(TypeError, match="values_list"):
        prepared.rows(people.values("slug"))
    with pytest.raises(TypeError, match="values_list"):
        prepared.rows(people)


def test_with_prepared_statements_off_every_read_is_planned_afresh(people, settings):
    settings.PREPARED_STATEMENTS = False
    with CaptureQueriesContext(connection) as read:
        assert prepared.rows(people.values_list("slug")) == [("ada",), ("alan",), ("grace",)]
    assert len(read) == 1 and "PREPARE" not in read[0]["sql"]
    assert statements() == set()


def test_an_empty_query_and_columns_that_need_converting_are_read_as_usual(people):
    from django.db.models.functions import JSONObject

    assert prepared.rows(Person.objects.none().values_list("slug")) == []
    as_json = people.annotate(record=JSONObject(slug="slug")).values_list("record", flat=True)
    assert prepared.rows(as_json) == [{"slug": "ada"}, {"slug": "alan"}, {"slug": "grace"}]
    assert statements() == set()
