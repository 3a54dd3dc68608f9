"""Reads run as prepared statements (icsgov.core.prepared): the same rows as the queryset gives,
prepared once on the session and run by name afterwards, one query either way; a new
connection, a full set of kept statements and a round trip that failed part-way leave the next
read working."""

import pytest
from django.db import connection, transaction
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
    with CaptureQueriesContext(connection) as first:
        assert prepared.rows(queryset) == expected
    assert len(first) == 1 and "PREPARE icsgov_" in first[0]["sql"]
    assert len(statements()) == 1
    with CaptureQueriesContext(connection) as again:
        assert prepared.rows(queryset) == expected
    assert len(again) == 1 and "PREPARE" not in again[0]["sql"]
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
    for n in range(prepared.KEPT + 3):
        assert prepared.rows(people.filter(pk__gt=-n).values_list("slug")[: n + 1])
    assert len(statements()) == prepared.KEPT


def test_a_round_trip_that_failed_part_way_leaves_the_next_read_working(people):
    queryset = people.values_list("slug")
    prepared.rows(queryset)
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # the statement is gone, unknown to the session
    with pytest.raises(Exception, match="does not exist"), transaction.atomic():
        prepared.rows(queryset)
    assert prepared.rows(queryset) == [("ada",), ("alan",), ("grace",)]
    assert len(statements()) == 1


def test_an_empty_query_and_columns_that_need_converting_are_read_as_usual(people):
    from django.db.models.functions import JSONObject

    assert prepared.rows(Person.objects.none().values_list("slug")) == []
    as_json = people.annotate(record=JSONObject(slug="slug")).values_list("record", flat=True)
    assert prepared.rows(as_json) == [{"slug": "ada"}, {"slug": "alan"}, {"slug": "grace"}]
    assert statements() == set()
