"""Every public page of the seed data names its record's source, and shows nothing internal:
no file names or hashes of the papers, no section codes without their paper, no field names."""

import re

import pytest
from bs4 import BeautifulSoup

from tests.site.test_seed_pages import public_urls

pytestmark = pytest.mark.django_db

#: A paper's file name or hash, e.g. 004_bfec7db4af41d042.txt
FILE_HASH = re.compile(r"\b\d{3}_[0-9a-f]{16}\b")
#: A model field's name in prose, e.g. published_on, source_file.
FIELD_NAMES = re.compile(
    r"\b(source_file|source_section|published_on|start_date|end_date|is_published|"
    r"date_precision|slug)\b"
)
SECTION_MARK = re.compile(r"[§¶]")


def visible_text(html):
    """The page's text as a reader sees it, without the citations that name their paper."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select(".app-source, .app-source-section, script, style"):
        element.decompose()
    return soup.get_text(" ")


def test_no_public_page_shows_internal_references(client, seeded):
    for url in public_urls():
        if url.endswith(".ics"):
            continue
        text = visible_text(client.get(url).content.decode())
        assert not FILE_HASH.search(text), (url, FILE_HASH.search(text).group())
        assert not FIELD_NAMES.search(text), (url, FIELD_NAMES.search(text).group())
        found = SECTION_MARK.search(text)
        assert not found, (url, text[max(found.start() - 80, 0) : found.end() + 40])


def test_every_record_page_cites_its_source_with_a_link(client, seeded):
    record_pages = [
        url
        for url in public_urls()
        if url.split("/")[1] in {"systems", "places", "boards", "people", "meetings", "strategies"}
        and len(url.strip("/").split("/")) == 2
        and not url.endswith(".ics")
    ]
    assert len(record_pages) > 40
    for url in record_pages:
        soup = BeautifulSoup(client.get(url).content.decode(), "html.parser")
        cite = soup.select_one(".app-source")
        assert cite is not None, url
        assert "Source:" in cite.get_text(), url
        link = cite.find("a")
        assert link and link["href"].startswith("/sources/"), url
        assert client.get(link["href"]).status_code == 200, link["href"]


def test_a_2018_body_reads_as_described_in_2018_not_confirmed_since(client, seeded):
    html = client.get("/boards/hiow-stp-edg/").content.decode()
    text = " ".join(visible_text_with_sources(html).split())
    assert "Hampshire and Isle of Wight System reform proposal" in text
    assert "As described in the source, August 2018; not confirmed since." in text


def visible_text_with_sources(html):
    return BeautifulSoup(html, "html.parser").get_text(" ")


def test_the_sources_index_and_a_papers_page_list_what_it_gives(client, seeded):
    index = client.get("/sources/").content.decode()
    for title in (
        "Establishing the Integrated Care Partnership",
        "Integrated care partnership (ICP): engagement summary",
        "Hampshire and Isle of Wight System reform proposal",
    ):
        assert title in index
    page = client.get("/sources/hiow-stp-system-reform-proposal-2018/").content.decode()
    assert "What the registry takes from it" in page
    assert "Clusters (36)" in page
    assert "August 2018" in page
    paper = client.get("/sources/hiow-stp-system-reform-proposal-2018/paper.txt")
    assert paper.status_code == 200
    assert b"System reform proposal" in b"".join(paper.streaming_content)


def test_a_planned_body_is_drawn_apart_in_the_structure(client, seeded):
    html = client.get("/systems/hiow/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    planned = [g.get_text() for g in soup.select("g.app-diagram__node--planned")]
    last_known = [g.get_text() for g in soup.select("g.app-diagram__node--last_known")]
    assert any("planned from" in text for text in planned), planned
    assert any("last known August 2018" in text for text in last_known), last_known
    assert "Only planned: a paper proposes it" in html
