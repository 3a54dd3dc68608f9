"""The start page lists serving members whose declarations of interest are overdue for review,
linking to exactly those declarations in the admin list."""

import datetime

import pytest

from icsgov.core.dates import today
from tests import factories

DAY = datetime.timedelta(days=1)
LABEL = "Declarations of interest overdue for review"


@pytest.mark.django_db
def test_the_start_page_counts_overdue_declaration_reviews(login, own, other):
    now = today()
    overdue = factories.InterestFactory(membership=own.membership, declared_on=now - 400 * DAY)
    # Near misses: reviewed since, due later, appointment ended, another system.
    reviewed = factories.MembershipFactory(post=factories.PostFactory(board=own.board))
    factories.InterestFactory(membership=reviewed, declared_on=now - 400 * DAY)
    factories.InterestFactory(membership=reviewed, declared_on=now - 10 * DAY)
    factories.InterestFactory(
        membership=factories.MembershipFactory(post=factories.PostFactory(board=own.board)),
        declared_on=now - 400 * DAY,
        review_by=now + 30 * DAY,
    )
    factories.InterestFactory(
        membership=factories.MembershipFactory(
            post=factories.PostFactory(board=own.board), end_date=now - DAY
        ),
        declared_on=now - 400 * DAY,
    )
    factories.InterestFactory(membership=other.membership, declared_on=now - 400 * DAY)
    client = login("secretariat-own")
    response = client.get(f"/admin/start/{own.system.slug}/")
    task = {t.label: t for t in response.context["tasks"]}[LABEL]
    assert task.count == 1
    listing = client.get(task.url)
    assert listing.status_code == 200
    assert list(listing.context["cl"].result_list) == [overdue]
