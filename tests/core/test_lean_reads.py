"""The lean list read (icsgov.core.api.lean) answers byte for byte what the read serializer
answers: for every resource, for anonymous, secretariat and superuser clients, JSON and CSV; and
for appointments, rows covering every branch of the plan (links the viewer may not follow,
empty links, voting overrides, sources with and without dates, confirmations, imprecise
dates). Each comparison makes the same request twice, once with the lean path off."""

import datetime

import pytest

from icsgov.core.api import lean
from icsgov.core.api.views import RegistryViewSet
from icsgov.core.dates import DatePrecision
from tests import factories
from tests.helpers.api import IDS, RESOURCES

D = datetime.date

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "secretariat", "superuser")


def both_ways(client, url, monkeypatch):
    """The answer to ``url`` through the lean path and through the serializer."""
    monkeypatch.setattr(RegistryViewSet, "lean_reads", True)
    fast = client.get(url)
    monkeypatch.setattr(RegistryViewSet, "lean_reads", False)
    slow = client.get(url)
    monkeypatch.setattr(RegistryViewSet, "lean_reads", True)
    assert fast.status_code == slow.status_code == 200, fast.content[:300]
    return fast.content, slow.content


def lean_resources():
    """The resources whose list is read lean (the plan accepts their read serializer)."""
    from rest_framework.test import APIRequestFactory

    from icsgov.api.urls import router

    names = set()
    for prefix, viewset, _ in router.registry:
        if viewset.queryset is None or not issubclass(viewset, RegistryViewSet):
            continue
        request = APIRequestFactory().get(f"/api/v1/{prefix}/")
        view = viewset(action="list", request=request, format_kwarg=None, kwargs={})
        from rest_framework.request import Request

        view.request = Request(request)
        view.request.user = None
        serializer = view.get_serializer_class()(many=True, context={"request": view.request})
        if lean.plan_for(serializer.child, viewset.queryset.all(), view.request) is not None:
            names.add(prefix)
    return names


def test_the_appointments_list_is_read_lean_and_others_are_judged_by_their_serializer():
    names = lean_resources()
    assert "memberships" in names
    assert "people" in names
    # Many-valued fields (a body's convening organisations) are not made by the lean path.
    assert "boards" not in names


@pytest.mark.parametrize(("endpoint", "factory", "key"), RESOURCES, ids=IDS)
def test_every_resource_lists_the_same_bytes_both_ways(
    as_role, endpoint, factory, key, monkeypatch
):
    factory.create_batch(3)
    for role in ROLES:
        client = as_role(role)
        for query in ("", "?format=csv", "?fields=url"):
            fast, slow = both_ways(client, f"/api/v1/{endpoint}/{query}", monkeypatch)
            assert fast == slow, (endpoint, role, query)


@pytest.fixture
def appointments(api_world):
    """Appointments in ``api_world.own`` covering each branch of the lean plan."""
    own = api_world.own
    hidden_org = factories.OrganisationFactory(system=own.system, is_published=False)
    dated = factories.SourceFactory(date=D(2023, 4, 1), date_precision=DatePrecision.MONTH)
    undated = factories.SourceFactory(date=None)
    seat = factories.PostFactory(board=own.board, voting=False, places=9)
    rows = [
        # A link the public may not follow: on behalf of an unpublished organisation.
        factories.MembershipFactory(post=seat, on_behalf_of=hidden_org, source=dated),
        # No organisation; the seat's vote overridden; confirmed by the secretariat.
        factories.MembershipFactory(
            post=seat, on_behalf_of=None, voting=True, confirmed_on=D(2024, 2, 3)
        ),
        # An undated source: known as of nothing.
        factories.MembershipFactory(post=seat, source=undated, voting=False),
        # Imprecise dates: a year's start, a month's end.
        factories.MembershipFactory(
            post=seat,
            start_date=D(2021, 1, 1),
            start_precision=DatePrecision.YEAR,
            end_date=D(2022, 3, 1),
            end_precision=DatePrecision.MONTH,
            notes="Ended when the trust merged.",
        ),
        # Unpublished: seen by staff only.
        factories.MembershipFactory(post=seat, is_published=False),
    ]
    return rows


@pytest.mark.parametrize("role", ROLES)
def test_appointments_lean_and_serializer_agree_on_every_branch(
    appointments, as_role, role, monkeypatch
):
    client = as_role(role)
    for query in (
        "?system=own&limit=100",
        "?system=own&limit=2&offset=1",
        "?system=own&format=csv",
        "?system=own&fields=slug,on_behalf_of,known_as_of,is_voting",
    ):
        fast, slow = both_ways(client, f"/api/v1/memberships/{query}", monkeypatch)
        assert fast == slow, (role, query)


def test_the_branches_are_there_to_compare(appointments, as_role):
    """The rows of the comparison above show what each branch makes (so it compares them)."""
    anonymous = as_role("anonymous").get("/api/v1/memberships/?system=own&limit=100").json()
    superuser = as_role("superuser").get("/api/v1/memberships/?system=own&limit=100").json()
    hidden, confirmed, undated, imprecise, unpublished = appointments
    seen = {row["slug"]: row for row in anonymous["results"]}
    assert unpublished.slug not in seen
    assert seen[hidden.slug]["on_behalf_of"] is None
    assert seen[hidden.slug]["known_as_of"] == {
        "date": "2023-04-01",
        "precision": "month",
        "confirmed": False,
    }
    assert seen[hidden.slug]["source"]["when"] == "April 2023"
    assert seen[confirmed.slug]["on_behalf_of"] is None
    assert seen[confirmed.slug]["is_voting"] is True
    assert seen[confirmed.slug]["known_as_of"]["confirmed"] is True
    assert seen[undated.slug]["known_as_of"] is None
    assert seen[undated.slug]["is_voting"] is False
    assert seen[imprecise.slug]["start_precision"] == "year"
    assert seen[imprecise.slug]["end_date"] == "2022-03-01"
    assert seen[imprecise.slug]["end_precision"] == "month"
    everything = {row["slug"]: row for row in superuser["results"]}
    assert everything[hidden.slug]["on_behalf_of"]["slug"] == hidden.on_behalf_of.slug
    assert unpublished.slug in everything


@pytest.mark.parametrize("role", ROLES)
def test_people_contact_details_lean_as_before(api_world, as_role, role, monkeypatch):
    client = as_role(role)
    fast, slow = both_ways(client, "/api/v1/people/?limit=100", monkeypatch)
    assert fast == slow
    rows = {row["slug"]: row for row in client.get("/api/v1/people/?limit=100").json()["results"]}
    own, other = rows["own-person"], rows["other-person"]
    if role == "anonymous":
        assert "email" not in own and "email" not in other
    elif role == "secretariat":
        assert "email" in own and "email" not in other
    else:
        assert "email" in own and "email" in other
