"""The demonstration system: `manage.py load_demo` loads a clearly fictional system with the
full shape of a real one; loading again changes nothing; `--remove` takes it all away; every
page that shows it carries the banner, the API marks it, and it is never listed among the real
systems."""

import datetime
import io

import pytest
from django.core.management import call_command
from pghistory.models import Events

from icsgov.seed.demo import SYSTEM_NAME, SYSTEM_SLUG
from partnerships.choices import BoardKind
from partnerships.models import Attendance, Board, Meeting, Membership, Person, Post
from places.models import System
from tests import factories as f
from tests.helpers.registry import registry_models

BANNER = "Demonstration data — not a real system."


def load(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def row_counts():
    return {m._meta.label: m._default_manager.count() for m in registry_models()}


@pytest.fixture
def demo(db):
    load()
    return System.objects.get(slug=SYSTEM_SLUG)


@pytest.mark.django_db
def test_the_demo_has_the_shape_of_a_real_system_with_every_seat_filled():
    load()
    system = System.objects.get(slug=SYSTEM_SLUG)
    assert system.is_demonstration and system.name == SYSTEM_NAME
    kinds = set(Board.objects.filter(system=system).values_list("kind", flat=True))
    assert {
        BoardKind.ICB_BOARD,
        BoardKind.ICB_COMMITTEE,
        BoardKind.STATUTORY_ICP,
        BoardKind.ICP_CORE_COMMITTEE,
        BoardKind.ICP_ASSEMBLY,
        BoardKind.HEALTH_AND_WELLBEING_BOARD,
        BoardKind.CLUSTER_BOARD,
    } <= kinds
    seats = Post.objects.filter(board__system=system).with_counts(datetime.date(2025, 10, 1))
    assert seats and all(seat.filled == seat.places for seat in seats)
    icb = Board.objects.get(system=system, kind=BoardKind.ICB_BOARD)
    assert icb.terms_of_reference.count() == 2
    meetings = Meeting.objects.filter(board__system=system)
    assert meetings.count() >= 12
    assert Attendance.objects.filter(meeting__in=meetings).exists()
    assert all(m.decisions.exists() for m in meetings)
    assert system.strategies.get(kind="integrated_care_strategy").priorities.count() == 4
    assert system.strategies.get(kind="integrated_care_strategy").milestones.count() == 4
    people = Person.objects.filter(memberships__post__board__system=system).distinct()
    assert people.count() == Membership.objects.filter(post__board__system=system).count()
    # Its history: every record's insert, recorded under the command.
    assert Events.objects.filter(pgh_obj_model="places.System", pgh_obj_id=str(system.pk)).exists()


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    load()
    counts, events = row_counts(), Events.objects.count()
    output = load()
    assert "0 records added, 0 updated" in output
    assert row_counts() == counts
    assert Events.objects.count() == events  # not even a history entry


@pytest.mark.django_db
def test_remove_takes_it_all_away_and_leaves_the_rest():
    before = row_counts()
    load()
    assert "Demonstration system removed." in load("--remove")
    assert row_counts() == before
    assert not System.objects.filter(slug=SYSTEM_SLUG).exists()
    assert "Nothing to remove." in load("--remove")


@pytest.mark.django_db
def test_every_page_type_of_the_demo_carries_the_banner(client, demo):
    board = Board.objects.get(system=demo, kind=BoardKind.ICB_BOARD)
    meeting = Meeting.objects.filter(board=board).first()
    person = Membership.objects.filter(post__board=board).first().person
    place = demo.places.first()
    strategy = demo.strategies.get(kind="integrated_care_strategy")
    organisation = demo.organisations.filter(is_published=True).first()
    for url in [
        f"/systems/{demo.slug}/",
        f"/organisations/{organisation.slug}/",
        f"/bodies/?system={demo.slug}",
        f"/meetings/?system={demo.slug}",
        f"/places/{place.slug}/",
        f"/boards/{board.slug}/",
        f"/meetings/{meeting.slug}/",
        f"/people/{person.slug}/",
        f"/strategies/{strategy.slug}/",
    ]:
        page = client.get(url)
        assert page.status_code == 200, url
        assert BANNER in page.content.decode(), url


@pytest.mark.django_db
def test_real_systems_pages_have_no_banner_and_never_list_the_demo_among_them(client, demo, own):
    page = client.get(f"/systems/{own.system.slug}/").content.decode()
    assert BANNER not in page
    home = client.get("/").content.decode()
    systems, _, demonstration = home.partition("<h2>Demonstration</h2>")
    assert own.system.name in systems and demo.name not in systems
    assert f"/systems/{demo.slug}/" in demonstration
    assert BANNER not in home


@pytest.mark.django_db
def test_the_api_marks_the_demonstration_system(api, demo, own):
    assert api.get(f"/api/v1/systems/{demo.slug}/").json()["is_demonstration"] is True
    assert api.get(f"/api/v1/systems/{own.system.slug}/").json()["is_demonstration"] is False


@pytest.mark.django_db
def test_demo_records_are_marked_in_search_and_the_people_index(client, api, demo, own):
    person = Person.objects.filter(memberships__post__board__system=demo).first()
    real = f.PersonFactory(name=f"{person.name.split()[0]} Realname")
    f.MembershipFactory(person=real, post__board__system=own.system)

    page = client.get("/search/", {"q": person.name}).content.decode()
    items = page.split('<li class="app-search-results__item">')[1:]
    (item,) = [i for i in items if person.name in i.split("</li>")[0]][:1]
    assert "Demonstration data — not a real system" in item.split("</li>")[0]
    hits = api.get("/api/v1/search/", {"q": person.name}).json()["results"]
    assert {h["name"]: h["is_demonstration"] for h in hits}[person.name] is True
    real_hits = {h["name"]: h["is_demonstration"] for h in hits if h["name"] == real.name}
    assert real_hits in ({}, {real.name: False})

    index = client.get("/people/", {"q": person.name.split()[0]}).content.decode()
    demo_row = index[index.index(person.name) : index.index("</tr>", index.index(person.name))]
    assert "Demonstration data — not real" in demo_row
    assert real.name in index
    real_row = index[index.index(real.name) : index.index("</tr>", index.index(real.name))]
    assert "Demonstration data" not in real_row


@pytest.mark.django_db
def test_demo_bodies_and_organisations_are_marked_in_their_indexes(client, demo, own):
    board = Board.objects.filter(system=demo).order_by("name").first()
    bodies = client.get("/bodies/", {"system": demo.slug}).content.decode()
    row = bodies[bodies.index(board.name) : bodies.index("</tr>", bodies.index(board.name))]
    assert "Demonstration data — not real" in row
    real = client.get("/bodies/", {"system": own.system.slug}).content.decode()
    assert "Demonstration data" not in real
    organisations = client.get("/organisations/").content.decode()
    demo_org = demo.organisations.order_by("name").first()
    if demo_org:
        at = organisations.index(demo_org.name)
        assert (
            "Demonstration data — not real" in organisations[at : organisations.index("</tr>", at)]
        )


@pytest.mark.django_db
def test_the_demos_public_duties_show_the_checks_at_work(client, demo):
    # As at a date in the financial year the demo's joint forward plan was prepared for.
    html = client.get(f"/systems/{demo.slug}/duties/?as_at=2026-06-01").content.decode()

    # The fictional ICB board has no primary care partner member: the composition check says so.
    assert "lacks a partner member nominated by providers of primary medical services" in html
    strategy = html[html.index("published its integrated care strategy") :]
    assert "Nothing found" in strategy.split("<h2")[0]
    plan = html[html.index("joint forward plan is prepared before each financial year") :]
    assert "Nothing found" in plan.split("<h2")[0]
    # Wyeside's 2026 needs assessment has no reconsideration recorded; Exampleshire's has one.
    jsna = html[html.index("reconsidered its strategy after each joint strategic") :]
    jsna = jsna.split("<h2")[0]
    assert "Wyeside JSNA 2026" in jsna and "Exampleshire JSNA 2025" not in jsna
