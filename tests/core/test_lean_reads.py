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
    """The resources whose list is read lean (the plan accepts their read serializer), as an
    anonymous client asks for them."""
    from django.contrib.auth.models import AnonymousUser
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from icsgov.api.urls import router

    names = set()
    for prefix, viewset, _ in router.registry:
        if viewset.queryset is None or not issubclass(viewset, RegistryViewSet):
            continue
        request = Request(APIRequestFactory().get(f"/api/v1/{prefix}/"))
        request.user = AnonymousUser()
        view = viewset(action="list", request=request, format_kwarg=None, kwargs={})
        serializer = view.get_serializer(many=True)
        if lean.plan_for(serializer.child, view.get_queryset()) is not None:
            names.add(prefix)
    return names


def test_the_appointments_list_is_read_lean_and_others_are_judged_by_their_serializer():
    names = lean_resources()
    assert "memberships" in names
    assert "people" in names
    # Attendance: who attended, with their meeting, appointment and deputy as brief records.
    assert "attendance" in names
    # Organisations, with their codes from a prefetch of those the viewer may see.
    assert "organisations" in names
    # Links by numeric id.
    assert {"agenda-items", "glossary", "principles"} <= names
    # A computed field no serializer declared columns for (a decision's "is_decision"): the
    # serializer.
    assert "decisions" not in names
    # Dates in words and a review date, from the columns their rules read.
    assert {"meetings", "milestones", "interests", "gifts-and-hospitality"} <= names
    # Many-valued fields from a prefetch: a body's convening organisations, predecessors and
    # successors.
    assert "boards" in names
    # Fields made for the whole page: a system's board, its codes, predecessors and successors.
    assert "systems" in names


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


def answered_both_ways(client, url, monkeypatch):
    """The responses to ``url`` through the lean path and through the serializer, whatever
    their status."""
    monkeypatch.setattr(RegistryViewSet, "lean_reads", True)
    fast = client.get(url)
    monkeypatch.setattr(RegistryViewSet, "lean_reads", False)
    slow = client.get(url)
    monkeypatch.setattr(RegistryViewSet, "lean_reads", True)
    return fast, slow


@pytest.mark.parametrize(("endpoint", "factory", "key"), RESOURCES, ids=IDS)
def test_every_resource_details_the_same_bytes_both_ways(
    as_role, endpoint, factory, key, monkeypatch
):
    """A detail is read lean as a page of one: the same answer, status and bytes as through
    DRF's retrieve, for each role (a record it may not see is the same 404 either way), in
    JSON, CSV and trimmed by ``?fields=``; an address naming nothing is the same 404."""
    records = factory.create_batch(2)
    for role in ROLES:
        client = as_role(role)
        for record in records:
            for query in ("", "?format=csv", "?fields=url"):
                url = f"/api/v1/{endpoint}/{getattr(record, key)}/{query}"
                fast, slow = answered_both_ways(client, url, monkeypatch)
                assert fast.status_code == slow.status_code, (endpoint, role, query)
                assert fast.content == slow.content, (endpoint, role, query)
        for missing in ("no-such-record", "999999999"):
            fast, slow = answered_both_ways(client, f"/api/v1/{endpoint}/{missing}/", monkeypatch)
            assert fast.status_code == slow.status_code == 404, (endpoint, role, missing)
            assert fast.content == slow.content


def test_a_detail_is_read_lean_without_its_instance(api_world, as_role, monkeypatch):
    """The body detail, a system's and an appointment's are made from their rows: no model
    instance of the record is made (a body's members and seats were already read as tuples)."""
    from partnerships.models import Board, Membership
    from places.models import System

    made = []
    for model in (Board, Membership, System):
        original = model.from_db

        def from_db(cls, db, names, values, original=original):
            made.append(cls.__name__)
            return original.__func__(cls, db, names, values)

        monkeypatch.setattr(model, "from_db", classmethod(from_db))
    membership = factories.MembershipFactory(post__board=api_world.own.board)
    client = as_role("superuser")
    for url in (
        f"/api/v1/boards/{api_world.own.board.slug}/?as_at=2024-06-01",
        f"/api/v1/systems/{api_world.own.system.slug}/",
        f"/api/v1/memberships/{membership.slug}/",
    ):
        assert client.get(url).status_code == 200, url
    assert made == []
    monkeypatch.setattr(RegistryViewSet, "lean_reads", False)
    assert client.get(f"/api/v1/memberships/{membership.slug}/").status_code == 200
    assert "Membership" in made  # the serializer's path does make one: the test can fail


@pytest.mark.parametrize("role", ROLES)
def test_a_body_detail_lean_asks_only_for_the_fields_asked_for(
    appointments, api_world, as_role, role, monkeypatch
):
    """``?fields=`` trims what is read, not only what is shown: a body's name without its
    members and seats costs no query for them; with them, the same answers as the
    serializer's; a bad date is the same 400 either way."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    board = api_world.own.board
    client = as_role(role)
    base = f"/api/v1/boards/{board.slug}/?as_at=2024-06-01"
    client.get(base)
    with CaptureQueriesContext(connection) as everything:
        client.get(base)
    with CaptureQueriesContext(connection) as trimmed:
        answer = client.get(base + "&fields=slug,name").json()
    assert answer == {"slug": board.slug, "name": board.name}
    assert len(trimmed) <= len(everything) - 3  # no members, seats or terms read
    for fields in ("members,chair", "seats,as_at", "terms_of_reference", "chair"):
        fast, slow = both_ways(client, base + f"&fields={fields}", monkeypatch)
        assert fast == slow, fields
    fast, slow = answered_both_ways(
        client, f"/api/v1/boards/{board.slug}/?as_at=2024-13-01", monkeypatch
    )
    assert fast.status_code == slow.status_code == 400
    assert fast.content == slow.content


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


@pytest.mark.parametrize("role", ROLES)
def test_bodies_lean_and_serializer_agree_with_links_many_and_hidden(
    api_world, as_role, role, monkeypatch
):
    own = api_world.own
    old = factories.BoardFactory(system=own.system, name="Old board")
    hidden_old = factories.BoardFactory(system=own.system, name="Hidden board", is_published=False)
    own.board.predecessors.add(old, hidden_old)
    convener = factories.OrganisationFactory(system=own.system, name="Convener")
    hidden_convener = factories.OrganisationFactory(system=own.system, is_published=False)
    own.board.convening_organisations.add(convener, hidden_convener)
    factories.BoardFactory(system=own.system, parent=hidden_old, name="Child of hidden")
    client = as_role(role)
    for query in ("?system=own&limit=100", "?system=own&format=csv", "?limit=2&offset=1"):
        fast, slow = both_ways(client, f"/api/v1/boards/{query}", monkeypatch)
        assert fast == slow, (role, query)
    rows = {r["slug"]: r for r in client.get("/api/v1/boards/?system=own").json()["results"]}
    predecessors = [b["slug"] for b in rows[own.board.slug]["predecessors"]]
    conveners = [o["slug"] for o in rows[own.board.slug]["convening_organisations"]]
    child = next(r for r in rows.values() if r["name"] == "Child of hidden")
    successors = [b["slug"] for b in rows[old.slug]["successors"]]
    assert successors == [own.board.slug]
    if role == "anonymous":
        assert predecessors == [old.slug]
        assert conveners == [convener.slug]
        assert child["parent"] is None
    else:
        assert sorted(predecessors) == sorted([old.slug, hidden_old.slug])
        assert sorted(conveners) == sorted([convener.slug, hidden_convener.slug])
        assert child["parent"]["slug"] == hidden_old.slug


@pytest.mark.parametrize("role", ROLES)
def test_systems_lean_and_serializer_agree_on_boards_codes_and_succession(
    api_world, as_role, role, monkeypatch
):
    """The systems directory's page-wide fields: a merger and a split, a predecessor the viewer
    may not see, a system with two boards (the first is its board) and one with none, codes
    that change on a date."""
    own = api_world.own.system
    own.end_date, own.end_kind = D(2026, 3, 31), "merged"
    own.save()
    split = factories.SystemFactory(
        name="A split system", end_date=D(2025, 3, 31), end_kind="split"
    )
    hidden = factories.SystemFactory(name="A synthetic system", is_synthetic=True)
    merged = factories.SystemFactory(name="The merged system", start_date=D(2026, 4, 1))
    merged.predecessors.add(own, split, hidden)
    api_world.other.system.predecessors.add(split)
    first = factories.OrganisationFactory(
        system=merged, kind="icb", name="First board", start_date=D(2026, 4, 1)
    )
    factories.OrganisationFactory(
        system=merged, kind="icb", name="Second board", start_date=D(2026, 5, 1)
    )
    factories.OrganisationIdentifierFactory(
        organisation=first, scheme="ods", code="QAA", valid_to=D(2026, 6, 30)
    )
    factories.OrganisationIdentifierFactory(
        organisation=first, scheme="ods", code="QBB", valid_from=D(2026, 7, 1)
    )
    factories.OrganisationIdentifierFactory(organisation=first, scheme="gss", code="E54000099")
    client = as_role(role)
    for query in (
        "",
        "?as_at=2026-06-01",
        "?as_at=2026-08-01",
        "?fields=slug,icb,codes",
        "?format=csv",
        "?limit=2&offset=1",
    ):
        fast, slow = both_ways(client, f"/api/v1/systems/{query}", monkeypatch)
        assert fast == slow, (role, query)
    rows = {r["slug"]: r for r in client.get("/api/v1/systems/?as_at=2026-08-01").json()["results"]}
    assert rows[merged.slug]["icb"]["name"] == "First board"
    assert rows[merged.slug]["codes"] == {"as_at": "2026-08-01", "ods": "QBB", "gss": "E54000099"}
    predecessors = [(p["slug"], p["date"], p["part"]) for p in rows[merged.slug]["predecessors"]]
    expected = [(split.slug, "2025-04-01", True), (own.slug, "2026-04-01", False)]
    if role == "superuser":
        expected.insert(1, (hidden.slug, None, False))  # by name: "A split", "A synthetic"
    assert predecessors == expected
    everything = {r["slug"]: r for r in client.get("/api/v1/systems/").json()["results"]}
    successors = [(s["slug"], s["date"], s["part"]) for s in everything[split.slug]["successors"]]
    assert successors == sorted(
        [(merged.slug, "2025-04-01", True), (api_world.other.system.slug, "2025-04-01", True)]
    )


@pytest.mark.parametrize("role", ROLES)
def test_a_lean_page_counts_the_list_in_its_own_query(appointments, as_role, role, monkeypatch):
    """The lean page carries the list's count on its rows (one query where DRF's paginator
    makes two): every page, and a page past the end, give the count and rows the serializer's
    path gives, with one query fewer."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = as_role(role)
    count = client.get("/api/v1/memberships/?system=own&limit=1").json()["count"]
    assert count >= 4
    for offset in (0, 2, count - 1, count, count + 7):
        url = f"/api/v1/memberships/?system=own&limit=2&offset={offset}"
        fast, slow = both_ways(client, url, monkeypatch)
        assert fast == slow, offset
    queries = {}
    for lean_on in (True, False):
        monkeypatch.setattr(RegistryViewSet, "lean_reads", lean_on)
        with CaptureQueriesContext(connection) as captured:
            client.get("/api/v1/memberships/?system=own&limit=2")
        queries[lean_on] = len(captured)
    assert queries[True] == queries[False] - 1


@pytest.mark.parametrize("role", ROLES)
def test_a_body_detail_gives_its_members_and_seats_as_their_serializers_do(
    appointments, api_world, as_role, role
):
    """The body detail's members, chairs and seats are read as tuples
    (partnerships.api.serializers.boards.board_on_answers): the same answers the serializers
    give from board_on's instances, for every branch of the appointments fixture (links the
    viewer may not follow, votes overridden, unpublished rows) and a chair."""
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from partnerships.api.serializers import BoardDetailSerializer
    from partnerships.api.serializers.appointments import BoardMemberSerializer
    from partnerships.api.serializers.seats import BoardSeatSerializer
    from partnerships.selectors import board_on

    board = api_world.own.board
    chair_seat = factories.PostFactory(board=board, role="chair", label="Chair", order=0)
    chair = factories.MembershipFactory(post=chair_seat, start_date=D(2022, 7, 1))
    client = as_role(role)
    answer = client.get(f"/api/v1/boards/{board.slug}/?as_at=2024-06-01").json()
    token = client._credentials.get("HTTP_AUTHORIZATION")
    from rest_framework.authtoken.models import Token

    user = Token.objects.get(key=token.split()[1]).user if token else None
    request = Request(APIRequestFactory().get("/", HTTP_HOST="testserver"))
    request.user = user
    context = {"request": request}
    described = board_on(board, D(2024, 6, 1), user)
    members = BoardMemberSerializer(described.members, many=True, context=context).data
    seats = BoardSeatSerializer(described.seats, many=True, context=context).data
    assert answer["members"] == [dict(m) for m in members]
    assert answer["seats"] == [dict(s) for s in seats]
    assert [m["slug"] for m in answer["chair"]["chairs"]] == [chair.slug]
    assert "members" in BoardDetailSerializer().fields
    slugs = {m["slug"] for m in answer["members"]}
    assert (appointments[-1].slug in slugs) == (role != "anonymous")
    hidden = next(m for m in answer["members"] if m["slug"] == appointments[0].slug)
    assert (hidden["on_behalf_of"] is None) == (role == "anonymous")


def test_nested_answers_a_plan_cannot_make_come_from_the_serializer(appointments, rf):
    """``lean.answers`` for a serializer the plan refuses (its own ``to_representation``): the
    same answers and extra values, through the serializer and the instances."""
    from rest_framework.request import Request

    from partnerships.api.serializers.appointments import BoardMemberSerializer
    from partnerships.models import Membership

    class Shouting(BoardMemberSerializer):
        def to_representation(self, instance):
            answer = super().to_representation(instance)
            answer["slug"] = answer["slug"].upper()
            return answer

    request = Request(rf.get("/", HTTP_HOST="testserver"))
    request.user = None
    seat = appointments[0].post
    queryset = Membership.objects.filter(post=seat).order_by("pk")
    lean_answers = lean.answers(BoardMemberSerializer(), queryset, request, "kind", "post__role")
    shouted = lean.answers(Shouting(), queryset, request, "kind", "post__role")
    assert len(shouted) == len(lean_answers) == len(appointments)
    for (plain, kind, role), (loud, loud_kind, loud_role) in zip(
        lean_answers, shouted, strict=True
    ):
        assert loud == {**plain, "slug": plain["slug"].upper()}
        assert (loud_kind, loud_role) == (kind, role) == (plain["kind"], seat.role)


def test_the_browsable_api_detail_is_made_from_its_record(login, own, monkeypatch):
    """``?format=api`` is answered by DRF's retrieve, whose forms come from the record: the
    secretariat of another system is offered no form to change a record of this one, its own
    secretariat the record's form, filled with what it holds."""
    from icsgov.core.api.lean import Plan

    def refuse(*args, **kwargs):
        raise AssertionError("the browsable API read lean")

    monkeypatch.setattr(Plan, "render", refuse)
    url = f"/api/v1/memberships/{own.membership.slug}/?format=api"
    page = login("secretariat-other").get(url, HTTP_ACCEPT="text/html")
    assert page.status_code == 200
    assert 'data-method="PUT"' not in page.content.decode()
    page = login("secretariat-own").get(url, HTTP_ACCEPT="text/html")
    assert 'data-method="PUT"' in page.content.decode()


def test_a_lookup_the_database_cannot_hold_is_the_same_404_both_ways(api, monkeypatch):
    """A NUL in a slug (psycopg2 refuses it) and letters for an id are DRF's bare 404 either
    way."""
    for url in ("/api/v1/boards/a%00b/", "/api/v1/principles/abc/"):
        fast, slow = answered_both_ways(api, url, monkeypatch)
        assert fast.status_code == slow.status_code, url
        assert fast.content == slow.content, url


def test_a_page_field_inside_a_many_valued_field_is_not_read_lean():
    """A child of a many-valued field cannot make a field for a whole page (its page is not the
    list's): the plan refuses it and the serializer answers."""
    from django.db.models import Prefetch

    from partnerships.api.serializers.briefs import BriefBoardSerializer
    from partnerships.models import Board
    from places.api.serializers import SystemSerializer
    from places.models import System

    class WithPage(BriefBoardSerializer):
        lean_page_fields = ("name",)

        def lean_page_name(self, context, pks):
            return dict.fromkeys(pks, "page")

    class Listing(SystemSerializer):
        boards = WithPage(source="listed_boards", many=True, read_only=True)

        class Meta(SystemSerializer.Meta):
            fields = [*SystemSerializer.Meta.fields, "boards"]

    queryset = System.objects.prefetch_related(
        Prefetch("boards", queryset=Board.objects.all(), to_attr="listed_boards")
    )
    assert lean.plan_for(Listing(), queryset) is None

    class Plain(Listing):
        boards = BriefBoardSerializer(source="listed_boards", many=True, read_only=True)

    assert lean.plan_for(Plain(), queryset) is not None  # the test can fail: the rest is lean


@pytest.mark.parametrize("role", ROLES)
def test_dates_in_words_lean_as_their_rules_give_them(api_world, as_role, role, monkeypatch):
    """A meeting's, a milestone's and a gift's date in words and an interest's review date,
    read lean from the columns their rules read: an annual milestone with its note and one
    without, a range of months, a day, a year; an interest reviewed by a date it names and one
    reviewed a year after it was declared — the same bytes as the serializer's."""
    from strategy.choices import Recurrence

    own = api_world.own
    month_range = {"precision": DatePrecision.MONTH_RANGE, "date_end": D(2024, 6, 1)}
    factories.MilestoneFactory(
        system=own.system, recurrence=Recurrence.ANNUAL, recurrence_note="Each March"
    )
    factories.MilestoneFactory(system=own.system, recurrence=Recurrence.ANNUAL)
    factories.MilestoneFactory(system=own.system, date=D(2024, 4, 1), **month_range)
    factories.MeetingFactory(board=own.board, date_precision=DatePrecision.YEAR)
    factories.MeetingFactory(
        board=own.board,
        date=D(2024, 5, 1),
        date_precision=DatePrecision.MONTH_RANGE,
        date_end=D(2024, 6, 1),
    )
    seat = factories.MembershipFactory(post__board=own.board)
    factories.GiftOrHospitalityFactory(membership=seat, date_precision=DatePrecision.MONTH)
    factories.InterestFactory(membership=seat, review_by=D(2023, 1, 31))
    factories.InterestFactory(membership=seat, review_by=None)
    client = as_role(role)
    for endpoint in ("milestones", "meetings", "gifts-and-hospitality", "interests"):
        fast, slow = both_ways(client, f"/api/v1/{endpoint}/", monkeypatch)
        assert fast == slow, endpoint
    answers = both_ways(client, "/api/v1/milestones/", monkeypatch)[0].decode()
    assert "Each March" in answers
