"""A system's start page: what its secretariat has to do, each a count with a link into the
list that shows exactly those records, in the same number of queries however many there are."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from icsgov.core.dates import today
from partnerships.choices import MeetingStatus
from tests import factories

DAY = datetime.timedelta(days=1)


def start_url(system):
    return f"/admin/start/{system.slug}/"


def tasks_of(response):
    assert response.status_code == 200
    return {task.label: task for task in response.context["tasks"]}


def make_work(system, n=1):
    """In ``system``, ``n`` of each kind of task, and one of each near miss."""
    now = today()
    kept = factories.BoardFactory(system=system, membership_maintained_from=now - 400 * DAY)
    papers_only = factories.BoardFactory(system=system)
    for _ in range(n):
        # A three-place seat with one holder on a body kept here: 1 seat, 2 vacant places.
        seat = factories.PostFactory(board=kept, places=3)
        factories.MembershipFactory(post=seat, start_date=now - 100 * DAY)
        # Two places on a body known from papers, nobody recorded: holders not recorded.
        factories.PostFactory(board=papers_only, places=2)
        # A term ending within 60 days, one ending later, one ended yesterday.
        for end in (now + 30 * DAY, now + 90 * DAY, now - DAY):
            factories.MembershipFactory(
                post=factories.PostFactory(board=kept, places=1),
                start_date=now - 300 * DAY,
                end_date=end,
            )
        # A past meeting with no attendance; near misses: attended, future, cancelled.
        factories.MeetingFactory(board=kept, date=now - 10 * DAY, status=MeetingStatus.HELD)
        attended = factories.MeetingFactory(board=kept, date=now - 20 * DAY)
        factories.AttendanceFactory(meeting=attended)
        factories.MeetingFactory(board=kept, date=now + 10 * DAY)
        factories.MeetingFactory(board=kept, date=now - 30 * DAY, status=MeetingStatus.CANCELLED)
        # Terms in force past their review date; near misses: review due later, withdrawn.
        board = factories.BoardFactory(system=system)
        factories.TermsOfReferenceFactory(board=board, review_date=now - DAY)
        factories.TermsOfReferenceFactory(
            board=factories.BoardFactory(system=system), review_date=now + DAY
        )
        factories.TermsOfReferenceFactory(
            board=board, status="withdrawn", in_force_from=None, review_date=now - DAY
        )
    # The system's own seat from the fixture is filled: counted nowhere.


@pytest.mark.django_db
def test_the_start_page_counts_each_task_on_crafted_data(login, own, other):
    make_work(own.system)
    make_work(other.system)  # another system's work is never counted
    tasks = tasks_of(login("secretariat-own").get(start_url(own.system)))
    # The three-place seat with one holder, and the seat whose term ended yesterday.
    assert tasks["Seats with vacancies"].count == 2
    assert tasks["Seats with vacancies"].detail.startswith("3 vacant place(s)")
    assert tasks["Seats with holders not recorded"].count == 1
    assert tasks["Seats with holders not recorded"].detail.startswith("2 place(s)")
    assert tasks["Terms of appointment ending in the next 60 days"].count == 1
    assert tasks["Meetings without attendance recorded"].count == 1
    assert tasks["Terms of reference past their review date"].count == 1
    assert tasks["Changes in the last 14 days"].count > 0


@pytest.mark.django_db
def test_each_task_links_to_the_list_of_exactly_what_it_counts(login, own, other):
    make_work(own.system, n=2)
    make_work(other.system)
    client = login("secretariat-own")
    for task in tasks_of(client.get(start_url(own.system))).values():
        if task.label.startswith("Compliance"):
            continue  # the findings' own list: test_compliance_counts_...
        listed = client.get(task.url)
        assert listed.status_code == 200, task.url
        assert listed.context["cl"].result_count == task.count, (task.label, task.url)
    # The same links for a superuser, who sees every system, list only this one's records.
    admin = login("superuser")
    for task in tasks_of(admin.get(start_url(own.system))).values():
        if task.label.startswith("Compliance"):
            continue
        assert admin.get(task.url).context["cl"].result_count == task.count, task.label


@pytest.mark.django_db
def test_the_terms_ending_window_is_a_setting(login, own, settings):
    make_work(own.system)
    settings.ICSGOV_TERMS_ENDING_DAYS = 120
    tasks = tasks_of(login("secretariat-own").get(start_url(own.system)))
    assert tasks["Terms of appointment ending in the next 120 days"].count == 2


@pytest.mark.django_db
def test_the_admin_index_links_to_the_users_start_pages(login, own, other):
    page = login("secretariat-own").get("/admin/").content.decode()
    assert start_url(own.system) in page
    assert start_url(other.system) not in page


@pytest.mark.django_db
def test_another_systems_start_page_is_not_found(login, own, other):
    assert login("secretariat-own").get(start_url(other.system)).status_code == 404
    assert login("viewer-own").get(start_url(own.system)).status_code == 200


@pytest.mark.django_db
def test_the_start_page_queries_do_not_grow_with_rows(login, own):
    client = login("secretariat-own")
    make_work(own.system, n=1)
    with CaptureQueriesContext(connection) as few:
        client.get(start_url(own.system))
    make_work(own.system, n=8)
    with CaptureQueriesContext(connection) as many:
        client.get(start_url(own.system))
    assert len(many) == len(few)


@pytest.mark.django_db
def test_compliance_counts_by_severity_link_to_exactly_those_findings(login, own, other):
    make_work(own.system, n=2)
    make_work(other.system)
    factories.MilestoneFactory(
        system=own.system, title="Overdue go-live", date=today() - 400 * DAY, status="planned"
    )
    client = login("secretariat-own")
    tasks = tasks_of(client.get(start_url(own.system)))
    warnings = tasks["Compliance checks: warnings"]
    assert warnings.count >= 1
    for label in (
        "Compliance checks: errors",
        "Compliance checks: warnings",
        "Compliance checks: for information",
    ):
        task = tasks[label]
        body = client.get(task.url, HTTP_ACCEPT="application/json").json()
        decided = [f for f in body["results"] if not f["undecidable"]]
        assert len(decided) == task.count, (label, task.url)
        assert all(f["system"] == own.system.slug for f in body["results"])
