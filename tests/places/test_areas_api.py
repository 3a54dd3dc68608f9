"""Areas through the API: each with its place, system and the clusters in it; filtered by system
and place; a synthetic system's areas are never shown to anonymous clients."""

import pytest

from tests import factories
from tests.helpers.api import results, slugs


@pytest.fixture
def hampshire(db):
    system = factories.SystemFactory(slug="hiow")
    place = factories.PlaceFactory(system=system, slug="hampshire", name="Hampshire")
    swh = factories.AreaFactory(
        place=place, slug="south-west-hampshire", name="South West Hampshire"
    )
    factories.ClusterFactory(place=place, area=swh, slug="new-forest", name="New Forest", number=2)
    factories.ClusterFactory(place=place, area=swh, slug="totton", name="Totton", number=1)
    factories.AreaFactory(place=place, slug="north-hampshire", name="North Hampshire")
    return place


def test_an_area_names_its_place_system_and_clusters(api, hampshire):
    area = api.get("/api/v1/areas/south-west-hampshire/").json()
    assert area["url"] == "http://testserver/api/v1/areas/south-west-hampshire/"
    assert area["place"]["slug"] == "hampshire"
    assert area["system"]["slug"] == "hiow"
    assert [c["slug"] for c in area["clusters"]] == ["totton", "new-forest"]
    assert area["clusters"][0]["url"] == "http://testserver/api/v1/clusters/totton/"
    assert {"source", "source_section", "known_as_of"} <= set(area)


def test_areas_filter_by_system_place_and_text(api, hampshire):
    other = factories.AreaFactory(slug="elsewhere")
    assert slugs(api.get("/api/v1/areas/?system=hiow&ordering=name")) == [
        "north-hampshire",
        "south-west-hampshire",
    ]
    assert slugs(api.get("/api/v1/areas/?place=hampshire&q=west")) == ["south-west-hampshire"]
    assert slugs(api.get(f"/api/v1/areas/?place={other.place.slug}")) == ["elsewhere"]
    assert api.get("/api/v1/areas/?place=no-such-place").status_code == 400


def test_a_cluster_links_to_its_area(api, hampshire):
    cluster = api.get("/api/v1/clusters/totton/").json()
    assert cluster["area"]["url"] == "http://testserver/api/v1/areas/south-west-hampshire/"
    assert slugs(api.get("/api/v1/clusters/?area=south-west-hampshire&ordering=number")) == [
        "totton",
        "new-forest",
    ]


def test_a_synthetic_systems_areas_are_never_public(api, staff_api, hampshire):
    synthetic = factories.SystemFactory(is_synthetic=True)
    area = factories.AreaFactory(place__system=synthetic, slug="synthetic-area")
    assert "synthetic-area" not in slugs(api.get("/api/v1/areas/"))
    assert api.get("/api/v1/areas/synthetic-area/").status_code == 404
    assert api.get(f"/api/v1/areas/?place={area.place.slug}").status_code == 400
    assert "synthetic-area" in [row["slug"] for row in results(staff_api.get("/api/v1/areas/"))]
