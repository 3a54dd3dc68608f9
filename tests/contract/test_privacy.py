"""Anonymous clients see published records only, and never a person's contact details: a crawl
of every list and detail (JSON and CSV), every Popolo export and search finds no private value;
staff do see them."""

import datetime
import re

import pytest

from icsgov.core.visibility import rule_for as public_rule
from icsgov.core.visibility import visible
from partnerships.choices import TermsStatus
from partnerships.models import Person, TermsOfReference
from strategy.choices import StrategyStatus
from strategy.models import Strategy
from tests import factories
from tests.helpers.api import IDS

D = datetime.date
PHONE = "023 8000 0000"  # every factory person's phone


@pytest.fixture
def world(db):
    """A public system with public records that point at private ones, plus private records of
    every kind. Returns the names that must never reach an anonymous client."""
    system = factories.SystemFactory(slug="hiow", name="Hampshire and Isle of Wight")
    place = factories.PlaceFactory(system=system)
    hidden_org = factories.OrganisationFactory(
        system=system, name="Hidden Organisation Name", slug="hidden-org", is_published=False
    )
    hidden_board = factories.BoardFactory(
        system=system, name="Hidden Board Name", slug="hidden-board", is_published=False
    )
    board = factories.BoardFactory(system=system, place=place, parent=hidden_board)
    board.convening_organisations.set([hidden_org, factories.OrganisationFactory(system=system)])
    seat = factories.PostFactory(board=board, places=5, nominating_organisation=hidden_org)
    factories.MembershipFactory(post=seat, on_behalf_of=hidden_org)
    factories.MembershipFactory(
        post=seat,
        person=factories.PersonFactory(
            name="Hidden Person Name", slug="hidden-person", is_published=False
        ),
    )
    factories.MembershipFactory(post=seat, notes="Unpublished Appointment Note", is_published=False)
    factories.MembershipFactory(
        post=factories.PostFactory(board=board, label="Hidden Seat Label", is_published=False)
    )
    factories.PostFactory(board=hidden_board, label="Seat On Hidden Board")
    factories.TermsOfReferenceFactory(
        board=board, version="9.9", title="Secret Draft Terms", status=TermsStatus.DRAFT
    )
    factories.TermsOfReferenceFactory(
        board=board, version="1.0", title="Public Terms", in_force_from=D(2022, 7, 1)
    )
    factories.TermsOfReferenceFactory(
        board=hidden_board, title="Terms Of Hidden Board", in_force_from=D(2022, 7, 1)
    )
    hidden_meeting = factories.MeetingFactory(
        board=board, title="Hidden Meeting Title", is_published=False
    )
    factories.MeetingFactory(board=board, host_organisation=hidden_org)
    draft = factories.StrategyFactory(
        system=system, name="Secret Draft Strategy", status=StrategyStatus.DRAFT
    )
    factories.StrategyFactory(system=system, owner_board=hidden_board, based_on=draft)
    factories.PriorityFactory(strategy=draft, name="Priority Of Draft Strategy")
    factories.MilestoneFactory(
        system=system,
        strategy=draft,
        board=hidden_board,
        meeting=hidden_meeting,
        owner_organisation=hidden_org,
    )
    factories.MilestoneFactory(system=system, title="Hidden Milestone Title", is_published=False)

    synthetic = factories.SystemFactory(name="Synthetic System Name", is_synthetic=True)
    synthetic_place = factories.PlaceFactory(system=synthetic, name="Synthetic Place Name")
    factories.ClusterFactory(place=synthetic_place, name="Synthetic Cluster Name")
    synthetic_board = factories.BoardFactory(system=synthetic, name="Synthetic Board Name")
    factories.MembershipFactory(post__board=synthetic_board, post__label="Synthetic Seat Label")
    factories.OrganisationFactory(system=synthetic, name="Synthetic Organisation Name")
    factories.StrategyFactory(system=synthetic, name="Synthetic Strategy Name")
    factories.MilestoneFactory(system=synthetic, title="Synthetic Milestone Title")
    factories.GlossaryTermFactory(system=synthetic, term="Synthetic Glossary Term")
    factories.MeetingFactory(board=synthetic_board, title="Synthetic Meeting Title")
    return [
        # Slugs too: the Popolo export and the links carry slugs, not names.
        "hidden-org",
        "hidden-board",
        "hidden-person",
        "Hidden Organisation Name",
        "Hidden Board Name",
        "Hidden Person Name",
        "Unpublished Appointment Note",
        "Hidden Seat Label",
        "Seat On Hidden Board",
        "Secret Draft Terms",
        "Terms Of Hidden Board",
        "Hidden Meeting Title",
        "Secret Draft Strategy",
        "Priority Of Draft Strategy",
        "Hidden Milestone Title",
        "Synthetic System Name",
        "Synthetic Place Name",
        "Synthetic Cluster Name",
        "Synthetic Board Name",
        "Synthetic Seat Label",
        "Synthetic Organisation Name",
        "Synthetic Strategy Name",
        "Synthetic Milestone Title",
        "Synthetic Glossary Term",
        "Synthetic Meeting Title",
    ]


def crawl(client):
    """Every list (JSON and CSV) and every detail reachable from it, with and without a date."""
    pages = {}
    for endpoint in IDS:
        listing = client.get(f"/api/v1/{endpoint}/?limit=200")
        assert listing.status_code == 200
        pages[f"{endpoint} list"] = listing.content.decode()
        pages[f"{endpoint} csv"] = client.get(f"/api/v1/{endpoint}/?format=csv&limit=200").content
        for row in listing.json()["results"]:
            for query in ("", "?as_at=2023-01-01"):
                detail = client.get(row["url"] + query)
                assert detail.status_code == 200
                pages[row["url"] + query] = detail.content.decode()
    for system in client.get("/api/v1/systems/").json()["results"]:
        popolo = client.get(f"/api/v1/systems/{system['slug']}/popolo/")
        assert popolo.status_code == 200
        pages[f"{system['slug']} popolo"] = popolo.content.decode()
    changes = client.get("/api/v1/changes/?limit=200")
    assert changes.status_code == 200
    pages["changes"] = changes.content.decode()
    search = client.get("/api/v1/search/?q=hidden+secret+synthetic+draft+name&limit=100")
    pages["search"] = search.content.decode()
    return {url: str(body) for url, body in pages.items()}


def leaks(pages, secrets):
    emails = set(Person.objects.exclude(email="").values_list("email", flat=True))
    assert emails, "the world has people with email addresses"
    found = []
    for url, body in pages.items():
        for secret in [*secrets, *emails, PHONE]:
            if secret in body:
                found.append((url, secret))
        if re.search(r'"(email|phone)"', body):
            found.append((url, "email/phone field"))
    return found


def test_anonymous_clients_never_see_private_values(api, world):
    pages = crawl(api)
    assert len(pages) > 40
    assert leaks(pages, world) == []


def test_staff_see_unpublished_records_and_contact_details(staff_api, world):
    pages = crawl(staff_api)
    everything = "\n".join(pages.values())
    assert all(secret in everything for secret in world)
    assert PHONE in everything


def test_private_records_are_404_to_anonymous_clients(api, staff_api, world):
    hidden = Person.objects.get(name="Hidden Person Name")
    draft = TermsOfReference.objects.get(title="Secret Draft Terms")
    for url in (f"/api/v1/people/{hidden.slug}/", f"/api/v1/terms-of-reference/{draft.slug}/"):
        assert api.get(url).status_code == 404
        assert staff_api.get(url).status_code == 200


def test_a_private_slug_in_a_filter_is_as_unknown_as_a_misspelt_one(api, staff_api, world):
    assert api.get("/api/v1/posts/?board=hidden-board").status_code == 400
    assert api.get("/api/v1/posts/?board=no-such-board").status_code == 400
    assert staff_api.get("/api/v1/posts/?board=hidden-board").status_code == 200


@pytest.mark.django_db
def test_drafts_are_never_public():
    for status in TermsStatus.values:
        for published in (True, False):
            factories.TermsOfReferenceFactory(status=status, is_published=published)
    for status in StrategyStatus.values:
        for published in (True, False):
            factories.StrategyFactory(status=status, is_published=published)
    assert set(visible(TermsOfReference.objects.all())) == set(
        TermsOfReference.objects.filter(status=TermsStatus.RATIFIED, is_published=True)
    )
    assert set(visible(Strategy.objects.all())) == set(
        Strategy.objects.filter(is_published=True).exclude(status=StrategyStatus.DRAFT)
    )
    for model in (TermsOfReference, Strategy):
        assert public_rule(model)  # every public model has a rule
