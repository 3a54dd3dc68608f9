"""/api/v1/search/: ranked, typo-tolerant, published records only for anonymous clients."""

import pytest

from partnerships.choices import BoardKind
from tests import factories


@pytest.fixture
def southampton(db):
    system = factories.SystemFactory(name="Hampshire and Isle of Wight", slug="hiow")
    place = factories.PlaceFactory(system=system, name="Southampton", slug="southampton")
    board = factories.BoardFactory(
        system=system,
        place=place,
        name="Southampton Health and Care Partnership Board",
        kind=BoardKind.PLACE_PARTNERSHIP_BOARD,
    )
    factories.BoardFactory(system=system, name="Portsmouth Health and Wellbeing Board")
    return place, board


def search(client, query):
    response = client.get(f"/api/v1/search/?{query}")
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_a_misspelt_name_still_finds_the_place_first(api, southampton):
    place, board = southampton
    hits = search(api, "q=Southamton")
    assert [(h["type"], h["slug"]) for h in hits[:2]] == [
        ("place", place.slug),
        ("board", board.slug),
    ]
    assert hits[0]["url"] == f"http://testserver/api/v1/places/{place.slug}/"
    assert "Portsmouth" not in str(hits)


def test_words_in_any_order_find_the_board(api, southampton):
    place, board = southampton
    hits = search(api, "q=partnership+care+southampton&type=board")
    assert [h["slug"] for h in hits] == [board.slug]


def test_accents_are_ignored(api, db):
    person = factories.PersonFactory(name="Zoë Brontë")
    assert [h["slug"] for h in search(api, "q=Zoe+Bronte")] == [person.slug]


def test_anonymous_search_finds_published_records_only(api, staff_api, db):
    hidden = factories.PersonFactory(name="Persephone Unpublished", is_published=False)
    factories.StrategyFactory(name="Persephone draft strategy", status="draft")
    assert search(api, "q=Persephone") == []
    assert hidden.slug in [h["slug"] for h in search(staff_api, "q=Persephone")]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "q=", "q=x&type=planet", "q=x&limit=many", "q=x&limit=0"])
def test_bad_search_parameters_are_400(api, query):
    response = api.get(f"/api/v1/search/?{query}")
    assert response.status_code == 400
    assert response.json()["detail"]


def test_each_hit_says_why_it_matched_and_a_typo_says_what_was_searched(api, southampton):
    place, board = southampton
    strategy = factories.StrategyFactory(system=board.system)
    priority = factories.PriorityFactory(
        strategy=strategy, name="Workforce", description="Grow and keep our own staff."
    )

    typo = api.get("/api/v1/search/?q=Southamton").json()
    assert typo["corrected"] == "Southampton"
    assert typo["results"][0]["matched"] == "name"
    assert typo["results"][0]["snippet"] == ""

    found = api.get("/api/v1/search/?q=staff").json()
    assert found["corrected"] is None
    [hit] = found["results"]
    assert hit["type"] == "priority" and hit["slug"] is None
    assert hit["url"] == f"http://testserver/api/v1/priorities/{priority.pk}/"
    assert hit["matched"] == "text"
    assert "Grow and keep our own staff" in hit["snippet"]
    assert "\x02" not in hit["snippet"]


def test_decisions_and_agenda_items_only_where_the_public_may_see_them(api, staff_api, db):
    meeting = factories.MeetingFactory(title="ICP assembly", slug="assembly")
    item = factories.AgendaItemFactory(meeting=meeting, order=1, title="Dentistry recovery plan")
    exempt = factories.AgendaItemFactory(
        meeting=meeting,
        order=2,
        title="Dentistry contract award",
        is_exempt=True,
        exemption_reason="Commercially sensitive.",
    )
    decision = factories.DecisionFactory(
        meeting=meeting, order=1, text="Approved the dentistry recovery plan.", outcome="approved"
    )
    factories.DecisionFactory(
        meeting=meeting, order=2, text="Awarded the dentistry contract.", agenda_item=exempt
    )
    unpublished = factories.MeetingFactory(is_published=False)
    hidden = factories.DecisionFactory(
        meeting=unpublished, text="Dentistry pilot agreed.", outcome="approved"
    )
    private = factories.MeetingFactory(is_public=False)
    factories.AgendaItemFactory(meeting=private, order=1, title="Dentistry workforce")

    hits = search(api, "q=dentistry")
    assert sorted((h["type"], h["name"], h["url"], h["slug"]) for h in hits) == [
        (
            "agenda_item",
            "Dentistry recovery plan",
            f"http://testserver/api/v1/agenda-items/{item.pk}/",
            None,
        ),
        (
            "decision",
            "Approved the dentistry recovery plan.",
            f"http://testserver/api/v1/decisions/{decision.pk}/",
            None,
        ),
    ]
    assert [h["name"] for h in search(api, "q=dentistry&type=decision")] == [decision.text]
    # Staff see what they keep (here a superuser: the unpublished meeting's decision), but an
    # exempt item is no search result for anyone.
    staff = {h["name"] for h in search(staff_api, "q=dentistry")}
    assert hidden.text in staff
    assert "Dentistry contract award" not in staff


def test_every_kind_the_apps_register_has_its_two_search_indexes(db):
    # The migrations hard-code each kind's fields (0017_bench_indexes, 0019_search_decisions_
    # agenda_items...): a kind registered without its indexes would scan its whole table.
    from django.db import connection

    from icsgov.core import search as engine

    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes")
        present = {row[0] for row in cursor.fetchall()}
    missing = [
        (index.kind, name)
        for index in engine.indexes()
        for name in engine._search_indexes(index.model, index.name_field, index.text_fields)
        if name.name not in present
    ]
    assert missing == []


def test_a_search_is_compiled_once_and_answers_as_if_built_each_time(api, southampton):
    """Each kind's search is compiled once for a viewer's rows (icsgov.core.compiled) and run
    with the words bound: the same hits as the query built afresh, and a second search with
    other words compiles nothing again."""
    from unittest import mock

    from icsgov.core import compiled
    from icsgov.core import search as engine

    engine._kept.clear()
    queries = ["Southamton", "partnership care", "O'Brien 100%", "Portsmouth -wellbeing", "ICP"]
    with mock.patch.object(compiled, "template", wraps=compiled.template) as compiling:
        for query in queries:
            for index in engine.indexes():
                rows = engine.visible(index.model.objects.all(), None)
                if index.only is not None:
                    rows = rows.filter(index.only)
                built = [
                    (o.pk, float(o.score), o.headline, bool(o.text_match))
                    for o in engine._search_queryset(index, rows, query, 20)
                ]
                kept = [
                    (h.object.pk, h.score, h.object.headline, h.text_match)
                    for h in engine._search_one(index, query, None, 20)
                ]
                assert kept == built, (index.kind, query)
    assert compiling.call_count == len(engine.indexes())  # once a kind, not once a search
    assert all(engine._kept.values())  # every kind's search could be kept
    assert [h["name"] for h in search(api, "q=Southamton")][:1] == ["Southampton"]


def test_a_paper_published_from_tomorrow_is_found_from_tomorrow(api, db):
    """The viewer's rows are part of what a kept search is kept by: on another day (what is
    published changes with the date) the search is another one."""
    import datetime

    from icsgov.core.dates import taken_as_today, today

    tomorrow = today() + datetime.timedelta(days=1)
    paper = factories.MeetingPaperFactory(
        title="Orthodontics review", is_public=True, published_on=tomorrow
    )
    assert search(api, "q=orthodontics&type=paper") == []
    with taken_as_today(tomorrow):
        assert [h["name"] for h in search(api, "q=orthodontics&type=paper")] == [paper.title]
    assert search(api, "q=orthodontics&type=paper") == []
