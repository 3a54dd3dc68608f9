"""Footprints through the API: the places, areas and clusters each covers; filtered by system and
by a place, area or cluster it covers (directly or through a part of it)."""

import pytest

from tests import factories
from tests.helpers.api import slugs


@pytest.fixture
def footprints(db):
    system = factories.SystemFactory(slug="hiow")
    southampton = factories.PlaceFactory(system=system, slug="southampton")
    hampshire = factories.PlaceFactory(system=system, slug="hampshire")
    swh = factories.AreaFactory(place=hampshire, slug="south-west-hampshire")
    totton = factories.ClusterFactory(place=hampshire, area=swh, slug="totton")
    local_icp = factories.FootprintFactory(
        system=system, slug="southampton-and-swh", name="Southampton and South West Hampshire"
    )
    local_icp.places.set([southampton])
    local_icp.areas.set([swh])
    by_cluster = factories.FootprintFactory(system=system, slug="totton-footprint", name="Totton")
    by_cluster.clusters.set([totton])
    factories.FootprintFactory(system=system, slug="empty-footprint")
    return local_icp


def test_a_footprint_lists_what_it_covers(api, footprints):
    row = api.get("/api/v1/footprints/southampton-and-swh/").json()
    assert row["name"] == "Southampton and South West Hampshire"
    assert row["system"]["slug"] == "hiow"
    assert [p["slug"] for p in row["places"]] == ["southampton"]
    assert [a["slug"] for a in row["areas"]] == ["south-west-hampshire"]
    assert row["areas"][0]["url"] == "http://testserver/api/v1/areas/south-west-hampshire/"
    assert row["clusters"] == []


def test_footprints_filter_by_what_they_cover(api, footprints):
    assert slugs(api.get("/api/v1/footprints/?place=southampton")) == ["southampton-and-swh"]
    # Hampshire is covered in part: an area of it by one footprint, a cluster by another.
    assert slugs(api.get("/api/v1/footprints/?place=hampshire&ordering=name")) == [
        "southampton-and-swh",
        "totton-footprint",
    ]
    assert slugs(api.get("/api/v1/footprints/?area=south-west-hampshire&ordering=name")) == [
        "southampton-and-swh",
        "totton-footprint",
    ]
    assert slugs(api.get("/api/v1/footprints/?cluster=totton")) == ["totton-footprint"]
    assert len(slugs(api.get("/api/v1/footprints/?system=hiow"))) == 3
    assert api.get("/api/v1/footprints/?cluster=nowhere").status_code == 400


def test_a_body_links_to_its_footprint(api, footprints):
    board = factories.BoardFactory(system=footprints.system, footprint=footprints)
    row = api.get(f"/api/v1/boards/{board.slug}/").json()
    assert row["footprint"]["url"] == "http://testserver/api/v1/footprints/southampton-and-swh/"


def test_a_synthetic_systems_footprints_are_never_public(api, staff_api, footprints):
    factories.FootprintFactory(system__is_synthetic=True, slug="synthetic-footprint")
    assert "synthetic-footprint" not in slugs(api.get("/api/v1/footprints/"))
    assert api.get("/api/v1/footprints/synthetic-footprint/").status_code == 404
    assert "synthetic-footprint" in slugs(staff_api.get("/api/v1/footprints/"))
