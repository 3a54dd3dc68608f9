"""The admin's pages run the same number of queries whatever the number of rows: every
changelist, for a superuser and for a secretariat user (scoping adds a condition to the list's
query, never a query per row), and a body's page however many seats it has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from icsgov.access import AccessRole, SystemAccess
from places.models import System
from tests import factories
from tests.helpers.admin_forms import change_url
from tests.helpers.registry import FACTORIES, registry_models


def changelist_url(model):
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/"


def grant_every_system(user):
    for system in System.objects.exclude(access__user=user):
        SystemAccess.objects.create(user=user, system=system, role=AccessRole.SECRETARIAT)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.fixture
def secretariat_client(client, db):
    user = factories.UserFactory(username="sec", is_staff=True)
    SystemAccess.objects.create(
        user=user, system=factories.SystemFactory(), role=AccessRole.SECRETARIAT
    )
    client.force_login(user)
    client.user = user
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("model", registry_models(), ids=lambda m: m._meta.label)
def test_secretariat_changelist_queries_do_not_grow_with_rows(secretariat_client, model):
    factory = FACTORIES[model]
    factory.create_batch(2)
    grant_every_system(secretariat_client.user)
    few = count_queries(secretariat_client, changelist_url(model))
    factory.create_batch(20)
    grant_every_system(secretariat_client.user)
    many = count_queries(secretariat_client, changelist_url(model))
    assert many == few, f"{model.__name__}: {few} queries with 2 rows, {many} with 22"


@pytest.mark.django_db
def test_appointments_list_with_10_and_200_rows_runs_the_same_queries(secretariat_client):
    system = secretariat_client.user.system_access.get().system
    board = factories.BoardFactory(system=system)
    org = factories.OrganisationFactory(system=system)

    def appoint(n):
        for _ in range(n):
            factories.MembershipFactory(post=factories.PostFactory(board=board), on_behalf_of=org)

    appoint(10)
    url = "/admin/partnerships/membership/"
    ten = count_queries(secretariat_client, url)
    appoint(190)
    two_hundred = count_queries(secretariat_client, url)
    assert ten == two_hundred
    shown = secretariat_client.get(url).context["cl"].result_count
    assert shown == 200


@pytest.mark.django_db
@pytest.mark.parametrize("model", registry_models(), ids=lambda m: m._meta.label)
def test_changelist_queries_do_not_grow_with_rows(admin_client, model):
    factory = FACTORIES[model]
    factory.create_batch(2)
    few = count_queries(admin_client, changelist_url(model))
    factory.create_batch(20)
    many = count_queries(admin_client, changelist_url(model))
    assert many == few, f"{model.__name__}: {few} queries with 2 rows, {many} with 22"


def make_seats(board, n):
    for _ in range(n):
        post = factories.PostFactory(board=board, places=2)
        factories.MembershipFactory(post=post)


@pytest.mark.django_db
def test_board_page_queries_do_not_grow_with_seats(login, own):
    client = login("secretariat-own")
    make_seats(own.board, 2)
    client.get(change_url(own.board))  # warms the content-type cache, as any earlier test would
    with CaptureQueriesContext(connection) as few:
        client.get(change_url(own.board))
    make_seats(own.board, 12)
    with CaptureQueriesContext(connection) as many:
        client.get(change_url(own.board))
    assert len(many) == len(few)
