"""Each list and detail runs the same number of queries whatever the number of rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.helpers.api import IDS, RESOURCES


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(ctx)


def rich(factory):
    """Rows with their optional links filled, so a missing select_related shows up."""
    model = factory._meta.model.__name__
    if model == "Membership":
        return lambda: factory(voting=True)
    if model == "Board":

        def board_with_links():
            board = factory(parent=factories.BoardFactory(), cluster=factories.ClusterFactory())
            board.convening_organisations.set(factories.OrganisationFactory.create_batch(2))
            return board

        return board_with_links
    if model == "Milestone":
        return lambda: factory(
            strategy=factories.StrategyFactory(),
            board=factories.BoardFactory(),
            owner_organisation=factories.OrganisationFactory(),
        )
    if model == "Post":

        def seat_with_holder():
            membership = factories.MembershipFactory(
                post__nominating_organisation=factories.OrganisationFactory()
            )
            return membership.post

        return seat_with_holder
    if model == "TermsOfReference":

        def terms_with_clauses():
            terms = factory()
            factories.TermsClauseFactory.create_batch(2, terms=terms)
            return terms

        return terms_with_clauses
    if model == "Organisation":

        def organisation_with_code():
            return factories.OrganisationIdentifierFactory().organisation

        return organisation_with_code
    return factory


@pytest.mark.django_db
@pytest.mark.parametrize("client_name", ["api", "staff_api"])
@pytest.mark.parametrize(("endpoint", "factory", "key"), RESOURCES, ids=IDS)
def test_list_queries_do_not_grow_with_rows(request, client_name, endpoint, factory, key):
    client = request.getfixturevalue(client_name)
    make = rich(factory)
    for _ in range(5):
        make()
    url = f"/api/v1/{endpoint}/?limit=200"
    few = count_queries(client, url)
    for _ in range(45):
        make()
    many = count_queries(client, url)
    assert many == few, f"{endpoint}: {few} queries with 5 rows, {many} with 50"


@pytest.mark.django_db
@pytest.mark.parametrize(("endpoint", "factory", "key"), RESOURCES, ids=IDS)
def test_detail_queries_do_not_grow_with_rows(api, endpoint, factory, key):
    make = rich(factory)
    objs = [make() for _ in range(5)]
    few = count_queries(api, f"/api/v1/{endpoint}/{getattr(objs[0], key)}/")
    objs += [make() for _ in range(45)]
    many = count_queries(api, f"/api/v1/{endpoint}/{getattr(objs[-1], key)}/")
    assert many == few


@pytest.mark.django_db
@pytest.mark.parametrize("client_name", ["api", "staff_api"])
def test_board_detail_queries_do_not_grow_with_members_and_seats(request, client_name):
    client = request.getfixturevalue(client_name)

    def board_with(n):
        board = factories.BoardFactory()
        factories.TermsOfReferenceFactory(board=board)
        for _ in range(n):
            factories.MembershipFactory(
                post__board=board, post__nominating_organisation=factories.OrganisationFactory()
            )
        return board

    today = datetime.date(2023, 6, 1)
    few = count_queries(client, f"/api/v1/boards/{board_with(5).slug}/?as_at={today}")
    many = count_queries(client, f"/api/v1/boards/{board_with(50).slug}/?as_at={today}")
    assert many == few


@pytest.mark.django_db
@pytest.mark.parametrize("client_name", ["api", "staff_api"])
def test_a_persons_attendance_queries_do_not_grow_with_bodies_and_meetings(request, client_name):
    client = request.getfixturevalue(client_name)

    def person_at(bodies, meetings):
        person = factories.PersonFactory()
        for _ in range(bodies):
            membership = factories.MembershipFactory(
                person=person,
                start_date=datetime.date(2024, 1, 1),
                on_behalf_of=factories.OrganisationFactory(),
            )
            board = membership.post.board
            factories.TermsOfReferenceFactory(
                board=board,
                in_force_from=datetime.date(2024, 1, 1),
                attendance_expectation_percent=75,
            )
            for month in range(1, meetings + 1):
                meeting = factories.MeetingFactory(
                    board=board, date=datetime.date(2025, month, 10), status="held"
                )
                status = "substitute" if month % 2 else "present"
                factories.AttendanceFactory(
                    meeting=meeting,
                    person=person,
                    membership=membership,
                    status=status,
                    **({"deputy": factories.PersonFactory()} if status == "substitute" else {}),
                )
            factories.MeetingFactory(board=board, date=datetime.date(2025, 12, 1), status="held")
        return person

    url = "/api/v1/people/{}/attendance/?year=2025"
    few_person, many_person = person_at(1, 2), person_at(5, 8)
    few = count_queries(client, url.format(few_person.slug))
    many = count_queries(client, url.format(many_person.slug))
    assert len(client.get(url.format(many_person.slug)).json()["results"]) == 5
    assert many == few, f"{few} queries for 1 body and 2 meetings, {many} for 5 bodies and 8"
    csv = count_queries(client, url.format(many_person.slug) + "&format=csv")
    assert csv == count_queries(client, url.format(few_person.slug) + "&format=csv")
