"""RSS and Atom feeds of what is new on a system's or a body's record: appointments made and
ended, meetings and papers; the public record only, escaped, dated at their precision."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return {item.findtext("title"): item for item in channel.findall("item")}


@pytest.fixture
def world():
    system = f.SystemFactory(slug="hw", name="Herefordshire and Worcestershire")
    board = f.BoardFactory(system=system, slug="hw-icp", name="H&W ICP")
    post = f.PostFactory(board=board, label="Chair")
    current = f.MembershipFactory(
        post=post,
        person__name="Ann Current",
        person__slug="ann",
        start_date=datetime.date(2023, 4, 1),
        start_precision="month",
    )
    ended = f.MembershipFactory(
        post=f.PostFactory(board=board, label="Vice chair"),
        person__name="Bob Ended",
        start_date=datetime.date(2022, 7, 1),
        end_date=datetime.date(2023, 3, 31),
    )
    f.MembershipFactory(
        post=f.PostFactory(board=board), person__name="Hidden Person", person__is_published=False
    )
    meeting = f.MeetingFactory(board=board, title="Assembly", slug="assembly", purpose="To meet.")
    f.MeetingPaperFactory(meeting=meeting, title="Workforce plan")
    f.MeetingPaperFactory(meeting=meeting, title="Confidential paper", is_public=False)
    f.MeetingFactory(board__system=system, title="Another body's meeting")
    f.MeetingFactory(title="Elsewhere meeting")
    return system, board, current, ended


def test_a_bodys_feed_says_what_is_new_on_its_record(client, world):
    system, board, current, ended = world

    items = rss_items(client.get("/boards/hw-icp/feed.rss"))

    appointed = items["Appointed: Ann Current as Chair, H&W ICP"]
    assert "from April 2023" in appointed.findtext("description")  # its precision kept
    assert appointed.findtext("link").endswith("/people/ann/")
    assert "Ended: Bob Ended as Vice chair, H&W ICP" in items
    assert "ended 31 March 2023" in items["Ended: Bob Ended as Vice chair, H&W ICP"].findtext(
        "description"
    )
    assert "Ended: Ann Current as Chair, H&W ICP" not in items
    assert any(t.startswith("Meeting: H&W ICP, Assembly") for t in items)
    assert "Paper: Workforce plan" in items
    for secret in ("Hidden Person", "Confidential paper", "Another body", "Elsewhere"):
        assert not any(secret in t for t in items), secret


def test_a_systems_feed_holds_all_its_bodies_and_no_other_systems(client, world):
    items = rss_items(client.get("/systems/hw/feed.rss"))
    assert any("Another body's meeting" in t for t in items)
    assert not any("Elsewhere" in t for t in items)


def test_atom_feeds_hold_the_same(client, world):
    response = client.get("/systems/hw/feed.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert "Paper: Workforce plan" in titles
    assert set(titles) == set(rss_items(client.get("/systems/hw/feed.rss")))


def test_pages_link_to_their_feeds(client, world):
    board_page = client.get("/boards/hw-icp/").content.decode()
    assert 'type="application/rss+xml"' in board_page and "/boards/hw-icp/feed.atom" in board_page
    assert "/systems/hw/feed.rss" in client.get("/systems/hw/").content.decode()


def test_unknown_and_unpublished_feeds_are_not_found(client, world):
    f.BoardFactory(slug="secret", is_published=False)
    synthetic = f.SystemFactory(slug="synth", is_synthetic=True)
    assert client.get("/boards/secret/feed.rss").status_code == 404
    assert client.get("/systems/synth/feed.rss").status_code == 404
    assert client.get("/boards/nope/feed.atom").status_code == 404
    assert synthetic.pk


def test_script_in_a_title_is_escaped_in_the_feed(client, world):
    system, board, *_ = world
    f.MeetingFactory(board=board, title="<script>alert(1)</script>")
    body = client.get("/boards/hw-icp/feed.rss").content.decode()
    assert "<script>" not in body and "&lt;script&gt;" in body


def test_a_feeds_query_count_does_not_grow_with_its_items(
    client, world, django_assert_max_num_queries
):
    system, board, *_ = world
    with django_assert_max_num_queries(20) as few:
        client.get("/systems/hw/feed.rss")
    for n in range(10):
        post = f.PostFactory(board=board)
        f.MembershipFactory(post=post, end_date=datetime.date(2023, 1, 1))
        f.MeetingPaperFactory(meeting=f.MeetingFactory(board=board), title=f"Paper {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/systems/hw/feed.rss")


def test_a_bodys_feed_lists_its_decisions_but_not_its_recommendations(client, world):
    _, board, _, _ = world
    meeting = f.MeetingFactory(board=board, slug="deciding", status="held")
    f.DecisionFactory(meeting=meeting, text="Approved the plan.", outcome="approved")
    f.DecisionFactory(meeting=meeting, text="Recommended a review.", outcome="")
    private = f.MeetingFactory(board=board, is_public=False, status="held")
    f.DecisionFactory(meeting=private, text="Secret deal.", outcome="approved")
    items = rss_items(client.get("/boards/hw-icp/feed.rss"))
    decisions = [i for t, i in items.items() if t.startswith("Decision")]
    assert [i.findtext("description").split(" (")[0] for i in decisions] == ["Approved the plan."]
