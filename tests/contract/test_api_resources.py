"""Contract tests: every resource lists and shows by its address, speaks CSV with the same rows
as JSON (nested objects in dotted columns), and paginates with a hard cap; every record with a
source says where it came from, and every date comes with its precision."""

import csv
import io

import pytest
from rest_framework import serializers

from icsgov.core.api.serializers import SOURCE, SourcedSerializer
from icsgov.core.dates import precision_field
from icsgov.core.models import SourcedModel
from tests import factories
from tests.helpers.api import IDS, RESOURCES, results


@pytest.mark.django_db
@pytest.mark.parametrize(("endpoint", "factory", "key"), RESOURCES, ids=IDS)
def test_list_and_detail(api, endpoint, factory, key):
    obj = factory()
    listing = api.get(f"/api/v1/{endpoint}/")
    body = listing.json()
    assert body["count"] == factory._meta.model.objects.count() >= 1
    address = getattr(obj, key)
    detail_url = f"http://testserver/api/v1/{endpoint}/{address}/"
    assert detail_url in [row["url"] for row in body["results"]]
    detail = api.get(detail_url)
    assert detail.status_code == 200
    assert detail.json()["url"] == detail_url
    assert api.get(f"/api/v1/{endpoint}/no-such-{endpoint}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(("endpoint", "factory", "key"), RESOURCES, ids=IDS)
def test_csv_has_the_same_rows_as_json(api, endpoint, factory, key):
    factory.create_batch(3)
    response = api.get(f"/api/v1/{endpoint}/?format=csv&limit=2")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    as_json = results(api.get(f"/api/v1/{endpoint}/?limit=2"))
    assert [row["url"] for row in rows] == [row["url"] for row in as_json]


@pytest.mark.django_db
def test_csv_flattens_nested_objects_into_dotted_columns(api):
    board = factories.BoardFactory(name="Southampton Health and Care Partnership Board")
    factories.PostFactory(board=board, label="Director of Public Health")
    rows = list(csv.DictReader(io.StringIO(api.get("/api/v1/posts/?format=csv").content.decode())))
    assert rows[0]["label"] == "Director of Public Health"
    assert rows[0]["board.slug"] == board.slug
    assert rows[0]["board.name"] == "Southampton Health and Care Partnership Board"


@pytest.mark.django_db
def test_pagination_counts_all_rows_and_caps_the_page_size(api):
    factories.GlossaryTermFactory.create_batch(205)
    first = api.get("/api/v1/glossary/?limit=1000").json()
    assert first["count"] == 205
    assert len(first["results"]) == 200
    assert first["next"] is not None
    default = api.get("/api/v1/glossary/").json()
    assert len(default["results"]) == 50
    rest = api.get("/api/v1/glossary/?limit=200&offset=200").json()
    assert len(rest["results"]) == 5
    assert rest["next"] is None


def read_serializers():
    """(resource, action, serializer class) for the list and the detail of every resource."""
    from icsgov.api.urls import router

    for prefix, viewset, _ in router.registry:
        if viewset.queryset is None:
            continue
        for action in ("list", "retrieve"):
            yield prefix, action, viewset(action=action).get_serializer_class()


READS = list(read_serializers())
READ_IDS = [f"{prefix}-{action}" for prefix, action, _ in READS]


@pytest.mark.parametrize(("prefix", "action", "serializer_class"), READS, ids=READ_IDS)
def test_every_record_with_a_source_says_where_it_came_from(prefix, action, serializer_class):
    model = serializer_class.Meta.model
    if not issubclass(model, SourcedModel):
        return
    assert issubclass(serializer_class, SourcedSerializer), serializer_class
    missing = [name for name in SOURCE if name not in serializer_class.Meta.fields]
    assert missing == [], f"{serializer_class.__name__} does not list {missing}"


@pytest.mark.parametrize(("prefix", "action", "serializer_class"), READS, ids=READ_IDS)
def test_every_date_comes_with_its_precision(prefix, action, serializer_class):
    """A date the paper gave as "July 2022" is stored as 1 July: without its precision a client
    would read a day the source never gave."""
    model = serializer_class.Meta.model
    fields = serializer_class().fields
    missing = []
    for name, field in fields.items():
        source = field.source
        if source in (None, "*") or "." in source or not isinstance(field, serializers.DateField):
            continue
        precision = precision_field(model, source)
        if precision and not any(f.source == precision for f in fields.values()):
            missing.append(f"{name} ({precision})")
    assert missing == [], f"{serializer_class.__name__} gives dates without precision: {missing}"
