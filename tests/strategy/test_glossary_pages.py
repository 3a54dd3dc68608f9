"""The glossary page: alphabetical, one entry per term, its meanings told apart by the year of
the papers that give them, each with its source; the acronyms the pages use explained."""

import datetime
import re

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


def headings(html, level):
    return re.findall(rf"<h{level}[^>]*>([^<]+)</h{level}>", html)


def test_glossary_explains_acronyms_but_not_synthetic_systems_terms(client):
    f.GlossaryTermFactory(term="Integrated care partnership", acronym="ICP")
    f.GlossaryTermFactory(term="Benchmark term", system=f.SystemFactory(is_synthetic=True))

    html = client.get("/glossary/").content.decode()

    assert "Integrated care partnership" in html and "ICP" in html
    assert "Benchmark term" not in html


def test_one_entry_per_term_with_its_2018_and_2022_meanings_apart(client):
    hiow = f.SystemFactory(slug="hiow", name="Hampshire and Isle of Wight")
    paper_2018 = f.SourceFactory(date=datetime.date(2018, 8, 1))
    paper_2022 = f.SourceFactory(date=datetime.date(2022, 3, 28))
    old = f.GlossaryTermFactory(
        system=hiow,
        term="Integrated care partnerships",
        acronym="",
        explanation="Local care partnerships on acute hospital footprints.",
        source=paper_2018,
    )
    new = f.GlossaryTermFactory(
        system=None,
        term="Integrated care partnership",
        acronym="ICP",
        explanation="The statutory joint committee of the ICB and the councils.",
        source=paper_2022,
    )
    f.GlossaryTermFactory(term="Better Care Fund", acronym="BCF", source=paper_2022)
    f.GlossaryTermFactory(term="Clusters", acronym="", source=paper_2018)

    html = client.get("/glossary/").content.decode()

    assert headings(html, 3) == ["BCF", "Clusters", "ICP"]  # alphabetical, ICP once
    icp = html.split('id="entry-icp"', 1)[1].split('class="app-glossary-entry"', 1)[0]
    assert icp.index("In papers of 2018") < icp.index("Local care partnerships")
    assert icp.index("In papers of 2022") < icp.index("The statutory joint committee")
    assert f'id="term-{old.pk}"' in icp and f'id="term-{new.pk}"' in icp
    assert re.findall(r'<h2 id="letter-(\w)">', html) == ["B", "C", "I"]
    assert 'href="#letter-I"' in html


def test_the_seed_explains_the_acronyms_the_pages_use_each_with_its_source(client, seeded):
    html = client.get("/glossary/").content.decode()
    for acronym in ("STP", "VCSE", "DASS", "DCS", "DPH", "BCF", "CCG", "JCB", "ICB", "ICP", "HWB"):
        assert f">{acronym}</h3>" in html, acronym
    dass = html.split('id="entry-dass"', 1)[1].split('class="app-glossary-entry"', 1)[0]
    assert "Director of adult social services" in dass
    assert "Local Authority Social Services Act 1970" in dass
    icp = html.split('id="entry-icp"', 1)[1].split('class="app-glossary-entry"', 1)[0]
    assert "In papers of 2018" in icp and "In papers of 2022" in icp


def test_the_glossary_query_count_does_not_grow_with_its_terms(
    client, django_assert_max_num_queries
):
    f.GlossaryTermFactory(term="Alpha", acronym="A1")
    with django_assert_max_num_queries(15) as few:
        client.get("/glossary/")
    for n in range(10):
        f.GlossaryTermFactory(term=f"Term {n}", acronym=f"T{n}", source=f.SourceFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/glossary/")


def test_acronyms_on_a_bodys_page_link_to_their_glossary_entry(client):
    f.GlossaryTermFactory(term="Director of example services", acronym="DXS")
    board = f.BoardFactory(slug="exb", purpose="Where the DXS reports <b>yearly</b>.")
    f.PostFactory(board=board, label="DXS & Lead Member Function")

    html = client.get("/boards/exb/").content.decode()

    assert (
        '<a href="/glossary/#entry-dxs" title="Director of example services" '
        'class="app-glossary-link">DXS</a> &amp; Lead Member Function'
    ) in html
    assert "&lt;b&gt;yearly&lt;/b&gt;" in html  # the text around the links stays escaped
    assert 'id="entry-dxs"' in client.get("/glossary/").content.decode()


def test_acronyms_in_seats_on_person_and_organisation_pages_link_to_the_glossary(client):
    f.GlossaryTermFactory(term="Director of example services", acronym="DXS")
    organisation = f.OrganisationFactory(slug="exo")
    post = f.PostFactory(label="DXS & Lead Member Function", nominating_organisation=organisation)
    f.MembershipFactory(post=post, person__slug="exp", on_behalf_of=organisation)

    link = 'href="/glossary/#entry-dxs"'
    assert link in client.get("/people/exp/").content.decode()
    assert link in client.get("/organisations/exo/").content.decode()


def test_acronyms_link_to_the_glossary_on_system_strategy_index_and_people_pages(client):
    f.GlossaryTermFactory(term="Integrated care board", acronym="ICB")
    f.GlossaryTermFactory(term="Director of example services", acronym="DXS")
    system = f.SystemFactory(slug="exs")
    board = f.BoardFactory(system=system, kind="icb_board")
    strategy = f.StrategyFactory(
        system=system, slug="exstrat", description="The DXS and the <i>ICB</i> agree it."
    )
    f.PriorityFactory(strategy=strategy, name="DXS priority", description="Led by the ICB.")
    post = f.PostFactory(board=board, label="DXS seat")
    f.MembershipFactory(post=post, person__name="Exa Person")

    link = 'href="/glossary/#entry-icb"'
    system_page = client.get("/systems/exs/").content.decode()
    # The kind of body, in the tables of bodies (the seed's ICB term may be the one linked).
    assert re.search(
        rf'<a {link} title="[^"]+" class="app-glossary-link">ICB</a> board', system_page
    )
    strategy_page = client.get("/strategies/exstrat/").content.decode()
    assert "&lt;i&gt;" in strategy_page and strategy_page.count('href="/glossary/#entry-') >= 3
    assert 'href="/glossary/#entry-dxs"' in client.get("/people/").content.decode()
    assert link in client.get("/bodies/").content.decode()


def test_an_acronym_inside_an_escaped_character_is_not_linked_and_a_and_e_is(client):
    f.GlossaryTermFactory(term="Ampersand example", acronym="AMP")
    f.GlossaryTermFactory(term="Accident and emergency", acronym="A&E")
    board = f.BoardFactory(slug="amp", purpose="Tom & Jerry attend A&E <script>x</script>.")
    f.PostFactory(board=board, label="Member")

    html = client.get("/boards/amp/").content.decode()

    assert "Tom &amp; Jerry attend" in html  # "&amp;" left whole
    assert 'class="app-glossary-link">A&amp;E</a>' in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
