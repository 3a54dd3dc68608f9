"""/search/: the registry's search (icsgov.search, as the API uses) as a public page."""

import re

import pytest
from django.contrib.auth import get_user_model

from strategy.choices import Scope, StrategyStatus
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def hiow():
    system = f.SystemFactory(name="Hampshire and Isle of Wight", slug="hiow")
    place = f.PlaceFactory(system=system, name="Southampton", slug="southampton")
    return system, place


def results(html):
    """The result links in page order: [(href, name)]."""
    listing = html.split('class="nhsuk-list app-search-results"', 1)[1].split("</ol>", 1)[0]
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', listing)


def test_a_misspelt_place_is_found_and_linked_to_its_page(client, hiow):
    system, place = hiow
    f.BoardFactory(system=system, place=place, name="Southampton Health and Care Partnership")
    f.BoardFactory(system=system, name="Portsmouth Health and Wellbeing Board")

    response = client.get("/search/?q=Southamton")

    assert response.status_code == 200
    html = response.content.decode()
    found = results(html)
    assert found[0] == ("/places/southampton/", "Southampton")
    assert any(name == "Southampton Health and Care Partnership" for _, name in found)
    assert "Portsmouth" not in html
    assert "nhsuk-tag" in html and ">Place<" in html.replace("\n", "").replace(" ", "")


def test_every_kind_links_to_its_public_page(client, hiow):
    system, place = hiow
    cluster = f.ClusterFactory(place=place, name="Wessex cluster")
    f.PersonFactory(name="Wessex Person", slug="wessex-person")
    f.BoardFactory(system=system, name="Wessex Board", slug="wessex-board")
    strategy = f.StrategyFactory(system=system, name="Wessex strategy", slug="wessex-strategy")
    f.MilestoneFactory(system=system, strategy=strategy, title="Wessex strategy milestone")
    f.MilestoneFactory(system=system, title="Wessex system milestone")
    draft = f.StrategyFactory(system=system, status=StrategyStatus.DRAFT, slug="draft")
    f.MilestoneFactory(system=system, strategy=draft, title="Wessex milestone of a draft")
    f.MilestoneFactory(scope=Scope.NATIONAL, system=None, title="Wessex national milestone")
    f.OrganisationFactory(system=system, name="Wessex Trust", short_name="WT", slug="wessex-trust")

    html = client.get("/search/?q=Wessex").content.decode()

    found = dict((name, href) for href, name in results(html))
    assert found["Wessex cluster"] == f"/places/{cluster.place.slug}/"
    assert found["Wessex Person"] == "/people/wessex-person/"
    assert found["Wessex Board"] == "/boards/wessex-board/"
    assert found["Wessex strategy"] == "/strategies/wessex-strategy/"
    assert found["Wessex strategy milestone"] == "/strategies/wessex-strategy/"
    assert found["Wessex system milestone"] == "/systems/hiow/"
    assert found["Wessex milestone of a draft"] == "/systems/hiow/"  # never the draft's page
    assert found["Wessex national milestone"] == "/"
    assert found["Wessex Trust"] == "/organisations/wessex-trust/"
    assert "/strategies/draft/" not in html


def test_unpublished_records_never_appear_even_to_a_signed_in_superuser(client, hiow):
    system, place = hiow
    f.BoardFactory(system=system, name="Southampton Secret Board", is_published=False)
    f.PersonFactory(name="Southampton Hidden Person", is_published=False)
    synthetic = f.SystemFactory(is_synthetic=True)
    f.PlaceFactory(system=synthetic, name="Southampton Synthetic Place")
    f.MilestoneFactory(system=system, title="Southampton unpublished milestone", is_published=False)
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")

    for signed_in in (False, True):
        if signed_in:
            client.force_login(admin)
        html = client.get("/search/?q=Southampton").content.decode()
        assert "/places/southampton/" in html
        for secret in ("Secret Board", "Hidden Person", "Synthetic Place", "unpublished"):
            assert secret not in html, (signed_in, secret)


def test_no_query_asks_for_one_and_no_match_says_so(client, hiow):
    empty = client.get("/search/")
    assert empty.status_code == 200
    assert "Enter a name or some words" in empty.content.decode()
    assert "app-search-results" not in empty.content.decode()

    none = client.get("/search/?q=zzqqxx")
    assert none.status_code == 200
    assert "No results for ‘zzqqxx’" in none.content.decode()


@pytest.mark.parametrize(
    "query",
    ["x" * 201, "Southampton\x00", "Southampton\x07bell"],
    ids=["over-long", "nul", "control-character"],
)
def test_a_bad_query_is_explained_not_a_server_error(client, hiow, query):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 400
    html = response.content.decode()
    assert "nhsuk-error-summary" in html
    assert "<title>Error:" in html


@pytest.mark.parametrize("query", ["&|!:*()", "'; drop table", '"unclosed', "-", "or or"])
def test_punctuation_and_operators_are_searched_safely(client, hiow, query):
    assert client.get("/search/", {"q": query}).status_code == 200


def test_the_header_search_sends_its_words_to_the_search_page(client, hiow):
    html = client.get("/").content.decode()

    form = html.split('class="nhsuk-header__search-form"', 1)[1].split("</form>", 1)[0]
    assert 'action="/search/"' in form
    assert 'name="q"' in form


def test_the_query_is_shown_back_escaped(client, hiow):
    html = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def items(html):
    """The result items' HTML in page order."""
    listing = html.split('class="nhsuk-list app-search-results"', 1)[1].split("</ol>", 1)[0]
    return listing.split('<li class="app-search-results__item">')[1:]


def test_seats_meetings_papers_priorities_and_glossary_terms_are_found_by_their_words(client, hiow):
    system, place = hiow
    board = f.BoardFactory(system=system, name="Integrated Care Partnership", slug="icp")
    f.PostFactory(board=board, label="Healthwatch Southampton", slug="healthwatch")
    meeting = f.MeetingFactory(
        board=board, title="ICP assembly", slug="assembly", purpose="To agree the workforce plan."
    )
    f.MeetingPaperFactory(meeting=meeting, title="Workforce plan 2024 to 2029")
    strategy = f.StrategyFactory(system=system, slug="ics-strategy")
    f.PriorityFactory(strategy=strategy, name="Workforce", description="Grow our own staff.")
    term = f.GlossaryTermFactory(
        term="Voluntary, community and social enterprise", acronym="VCSE", explanation="Charities."
    )

    found = dict(
        (name, href) for href, name in results(client.get("/search/?q=workforce").content.decode())
    )
    assert found["ICP assembly"] == "/meetings/assembly/"
    assert found["Workforce plan 2024 to 2029"] == "/meetings/assembly/"
    assert found["Workforce"] == "/strategies/ics-strategy/#priorities"

    healthwatch = results(client.get("/search/?q=Healthwatch").content.decode())
    assert healthwatch[0] == ("/boards/icp/#seats", "Healthwatch Southampton")

    vcse = dict((n, h) for h, n in results(client.get("/search/?q=VCSE").content.decode()))
    assert vcse["Voluntary, community and social enterprise"] == f"/glossary/#term-{term.pk}"
    assert f'id="term-{term.pk}"' in client.get("/glossary/").content.decode()


def test_each_result_says_why_it_matched(client, hiow):
    system, place = hiow
    board = f.BoardFactory(system=system, name="Quality committee", slug="quality")
    f.MeetingFactory(
        board=board,
        title="Quality committee, March",
        purpose="Reviews the winter pressures and agrees the workforce plan for nursing.",
    )

    html = client.get("/search/?q=workforce").content.decode()
    [meeting] = items(html)
    assert "<mark>workforce</mark>" in meeting
    assert "winter pressures" in meeting

    [place_item] = items(client.get("/search/?q=Southamton").content.decode())
    assert "Its name is like your search" in place_item


def test_a_corrected_typo_says_what_was_searched_and_an_exact_match_does_not(client, hiow):
    typo = client.get("/search/?q=Southamton").content.decode()
    assert "showing results for <strong>Southampton</strong>" in typo

    exact = client.get("/search/?q=Southampton").content.decode()
    assert "showing results for" not in exact


def test_the_header_search_box_keeps_the_words_searched(client, hiow):
    html = client.get("/search/", {"q": 'Southampton "board"'}).content.decode()
    header = html.split('id="search-field"', 1)[1].split(">", 1)[0]
    assert 'value="Southampton &#34;board&#34;"' in header or (
        'value="Southampton &quot;board&quot;"' in header
    )
    assert (
        "value="
        not in client.get("/").content.decode().split('id="search-field"', 1)[1].split(">", 1)[0]
    )


def test_an_empty_result_suggests_what_to_try(client, hiow):
    html = client.get("/search/?q=zzqqxx").content.decode()
    assert "checking the spelling" in html
    assert "/search/?q=workforce" in html


def test_snippets_are_escaped(client, hiow):
    system, place = hiow
    board = f.BoardFactory(system=system, name="Scripted board")
    f.MeetingFactory(
        board=board, title="Scripted", purpose='<script>alert(1)</script> "quoted" workforce'
    )

    html = client.get("/search/?q=workforce").content.decode()
    [item] = items(html)
    assert "<script" not in item
    assert "<mark>workforce</mark>" in item
    assert "&#34;quoted&#34;" in item or "&quot;quoted&quot;" in item


def test_the_search_page_query_count_does_not_grow_with_the_results(
    client, hiow, django_assert_max_num_queries
):
    system, place = hiow
    for n in range(3):
        board = f.BoardFactory(system=system, name=f"Workforce board {n}")
        f.PostFactory(board=board, label=f"Workforce seat {n}")
        f.MeetingPaperFactory(meeting=f.MeetingFactory(board=board), title=f"Workforce paper {n}")
    with django_assert_max_num_queries(30) as few:
        client.get("/search/?q=workforce")
    for n in range(3, 12):
        board = f.BoardFactory(system=system, name=f"Workforce board {n}")
        f.PostFactory(board=board, label=f"Workforce seat {n}")
        f.MeetingPaperFactory(meeting=f.MeetingFactory(board=board), title=f"Workforce paper {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/search/?q=workforce")


def test_agenda_items_and_decisions_are_found_only_on_the_public_record(client, hiow):
    system, place = hiow
    board = f.BoardFactory(system=system, name="Integrated Care Partnership", slug="icp")
    meeting = f.MeetingFactory(board=board, title="ICP assembly", slug="assembly")
    f.AgendaItemFactory(meeting=meeting, order=1, title="Dentistry recovery plan")
    exempt = f.AgendaItemFactory(
        meeting=meeting,
        order=2,
        title="Dentistry contract award",
        is_exempt=True,
        exemption_reason="Commercially sensitive.",
    )
    f.DecisionFactory(
        meeting=meeting, order=1, text="Approved the dentistry recovery plan.", outcome="approved"
    )
    f.DecisionFactory(
        meeting=meeting, order=2, text="Awarded the dentistry contract.", agenda_item=exempt
    )
    private = f.MeetingFactory(board=board, title="Private session", is_public=False)
    f.AgendaItemFactory(meeting=private, order=1, title="Dentistry workforce")
    f.DecisionFactory(meeting=private, text="Dentistry budget agreed.", outcome="approved")
    unpublished = f.MeetingFactory(board=board, title="Draft meeting", is_published=False)
    f.DecisionFactory(meeting=unpublished, text="Dentistry pilot agreed.", outcome="approved")

    html = client.get("/search/?q=dentistry").content.decode()

    found = results(html)
    assert sorted(found) == [
        ("/meetings/assembly/#agenda", "Dentistry recovery plan"),
        ("/meetings/assembly/#decisions", "Approved the dentistry recovery plan."),
    ]
    assert "Agenda item" in html and "Approved: ICP assembly" in html
    for hidden in (
        "Dentistry contract award",  # an exempt item
        "Awarded the dentistry contract",  # a decision under it
        "Dentistry workforce",  # a private meeting's item
        "Dentistry budget agreed",  # and decision
        "Dentistry pilot agreed",  # an unpublished meeting's decision
    ):
        assert hidden.lower() not in html.lower(), hidden
    page = client.get("/meetings/assembly/").content.decode()
    assert 'id="agenda"' in page and 'id="decisions"' in page
