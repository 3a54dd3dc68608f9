"""The top floor's own pages: home (the systems and the national timeline), the accessibility
statement, and the 404 and 500 pages in the NHS design."""

import datetime

import pytest

from icsgov.core.dates import DatePrecision
from strategy.choices import Scope
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_home_lists_systems_with_population_and_the_national_timeline(client):
    f.SystemFactory(name="Herefordshire and Worcestershire", slug="hw", population=800_000)
    f.MilestoneFactory(
        scope=Scope.NATIONAL,
        system=None,
        title="ICSs put on a statutory footing",
        date=datetime.date(2022, 7, 1),
        precision=DatePrecision.DAY,
    )
    f.MilestoneFactory(
        scope=Scope.NATIONAL,
        system=None,
        title="DHSC engages with systems",
        date=datetime.date(2022, 4, 1),
        precision=DatePrecision.MONTH_RANGE,
        date_end=datetime.date(2022, 6, 1),
    )
    f.MilestoneFactory(title="A system milestone")
    f.MilestoneFactory(
        scope=Scope.NATIONAL,
        system=None,
        title="Unpublished national milestone",
        is_published=False,
    )

    html = client.get("/").content.decode()

    assert 'href="/systems/hw/"' in html
    assert "800,000" in html
    assert "ICSs put on a statutory footing" in html
    assert "April – June 2022" in html and "range of months" in html
    assert "A system milestone" not in html
    assert "Unpublished national milestone" not in html


def test_accessibility_statement_follows_the_gov_uk_sample_structure(client):
    html = client.get("/accessibility/").content.decode()

    for heading in (
        "How accessible this website is",
        "Feedback and contact information",
        "Enforcement procedure",
        "Technical information about this website",
        "Compliance status",
        "Non-accessible content",
        "Preparation of this accessibility statement",
    ):
        assert heading in html
    assert "Equality and Human Rights Commission" in html


def test_missing_page_is_a_404_in_the_nhs_design(client):
    response = client.get("/boards/no-such-board/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and "nhsuk-header" in html


@pytest.mark.urls("tests.site.error_urls")
def test_a_failing_page_shows_the_500_page_in_the_nhs_design(client):
    client.raise_request_exception = False

    response = client.get("/broken/")

    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content
    assert b"nhsuk-header" in response.content
    assert b"a fault in a view" not in response.content
