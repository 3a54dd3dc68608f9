"""Meetings as they are run (issue #14): agenda items exempt only with a reason; papers with a
kind, a link or a file, a publication date; the meeting's publication state; decisions with an
outcome — a recommendation is not a decision — and the decision register, on every door."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from partnerships.models import AgendaItem, Decision, MeetingPaper
from tests import factories
from tests.helpers.admin_forms import page_data

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def meeting(own):
    return factories.MeetingFactory(
        board=own.board, slug="run-meeting", date=D(2024, 3, 14), status="held"
    )


def test_an_exempt_item_needs_its_reason_on_every_door(login, api_as, meeting):
    item = AgendaItem(meeting=meeting, order=1, title="Contract award", is_exempt=True)
    with pytest.raises(ValidationError) as caught:
        item.full_clean()
    assert caught.value.message_dict["exemption_reason"] == [
        "Give the reason for excluding the public from this item."
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        item.save()
    client = login("secretariat-own")
    url = "/admin/partnerships/agendaitem/add/"
    data = page_data(client.get(url))
    data.update({"meeting": meeting.pk, "order": 1, "title": "Contract award", "is_exempt": "on"})
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Give the reason for excluding the public" in response.content.decode()
    assert not AgendaItem.objects.exists()


def test_a_recommendation_is_not_a_decision_and_not_on_the_register(client, api_as, own, meeting):
    factories.DecisionFactory(
        meeting=meeting, order=1, text="Recommended the plan to partners.", outcome=""
    )
    factories.DecisionFactory(
        meeting=meeting,
        order=2,
        text="Approved the budget.",
        outcome="approved",
        is_key_decision=True,
        decided_on=D(2024, 3, 14),
        published_on=D(2024, 3, 20),
    )
    page = client.get("/meetings/run-meeting/").content.decode()
    assert "Recommendation: no decision recorded" in page and "Approved the budget." in page
    register = client.get(f"/boards/{own.board.slug}/decisions/").content.decode()
    assert "Approved the budget." in register
    assert "Recommended the plan" not in register
    keyed = client.get(f"/boards/{own.board.slug}/decisions/?key_decision=false").content.decode()
    assert "Approved the budget." not in keyed
    system = client.get(f"/systems/{own.system.slug}/decisions/?outcome=approved").content
    assert b"Approved the budget." in system
    api = api_as("anonymous")
    rows = api.get("/api/v1/decisions/?meeting=run-meeting&recorded=decision").json()["results"]
    assert [(r["text"], r["outcome"], r["is_key_decision"]) for r in rows] == [
        ("Approved the budget.", "approved", True)
    ]
    every = api.get("/api/v1/decisions/?meeting=run-meeting").json()["results"]
    assert {r["text"]: r["is_decision"] for r in every} == {
        "Recommended the plan to partners.": False,
        "Approved the budget.": True,
    }
    assert api.get("/api/v1/decisions/?outcome=rejected&meeting=run-meeting").json()["count"] == 0


def test_a_decision_is_published_no_earlier_than_it_was_taken(api_as, meeting):
    response = api_as("secretariat-own").post(
        "/api/v1/decisions/",
        {
            "meeting": meeting.slug,
            "order": 5,
            "text": "Approved.",
            "outcome": "approved",
            "decided_on": "2024-03-14",
            "published_on": "2024-03-01",
        },
        format="json",
    )
    assert response.status_code == 400
    assert (
        "published on or after the date it was taken (14 March 2024)"
        in (response.json()["errors"]["published_on"][0])
    )
    response = api_as("secretariat-own").post(
        "/api/v1/decisions/",
        {"meeting": meeting.slug, "order": 6, "text": "For decision.", "decided_on": "2024-03-14"},
        format="json",
    )
    assert response.status_code == 400
    assert "record the outcome" in response.json()["errors"]["decided_on"][0]
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(
            meeting=meeting,
            order=7,
            text="x",
            outcome="noted",
            decided_on=D(2024, 3, 14),
            published_on=D(2024, 3, 1),
        )


def test_exempt_items_papers_and_decisions_stay_private(client, api_as, meeting):
    exempt = factories.AgendaItemFactory(
        meeting=meeting, title="Estates", is_exempt=True, exemption_reason="Commercial interests"
    )
    factories.MeetingPaperFactory(meeting=meeting, title="Estates paper", agenda_item=exempt)
    factories.MeetingPaperFactory(meeting=meeting, title="Future paper", published_on=D(2999, 1, 1))
    factories.MeetingPaperFactory(meeting=meeting, title="Open paper", kind="report")
    factories.DecisionFactory(
        meeting=meeting, text="Bought the building.", outcome="approved", agenda_item=exempt
    )
    page = client.get("/meetings/run-meeting/").content.decode()
    assert "Estates" in page and "Commercial interests" in page
    assert "Open paper" in page
    for hidden in ("Estates paper", "Future paper", "Bought the building."):
        assert hidden not in page
    api = api_as("anonymous")
    papers = api.get("/api/v1/meeting-papers/?meeting=run-meeting").json()["results"]
    assert [p["title"] for p in papers] == ["Open paper"]
    assert api.get("/api/v1/decisions/?meeting=run-meeting").json()["count"] == 0
    items = api.get("/api/v1/agenda-items/?meeting=run-meeting").json()["results"]
    assert [(i["title"], i["is_exempt"]) for i in items] == [("Estates", True)]


def test_an_uploaded_file_is_served_only_while_the_paper_is_public(
    client, meeting, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    paper = MeetingPaper(meeting=meeting, title="Minutes", kind="approved_minutes")
    paper.file.save("minutes.txt", ContentFile(b"the minutes"), save=False)
    paper.full_clean()
    paper.save()
    response = client.get(f"/papers/{paper.pk}/file/")
    assert b"".join(response.streaming_content) == b"the minutes"
    # An uploaded file never runs as part of the site, and a web page is not a paper.
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["Content-Disposition"].startswith("attachment")
    page = MeetingPaper(meeting=meeting, title="Page", kind="other")
    page.file.save("page.html", ContentFile(b"<script>"), save=False)
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    assert "File extension “html” is not allowed" in caught.value.message_dict["file"][0]
    MeetingPaper.objects.filter(pk=paper.pk).update(is_public=False)
    assert client.get(f"/papers/{paper.pk}/file/").status_code == 404
    both = MeetingPaper(meeting=meeting, title="Both", url="https://example.org/p", file=paper.file)
    with pytest.raises(ValidationError) as caught:
        both.full_clean()
    assert caught.value.message_dict["file"] == [
        "Give the paper's link or upload its file, not both."
    ]


def test_minutes_are_not_approved_before_the_meeting(api_as, meeting):
    response = api_as("secretariat-own").patch(
        f"/api/v1/meetings/{meeting.slug}/",
        {"minutes_approved_on": "2024-03-01"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["minutes_approved_on"] == [
        "Minutes are approved on or after the meeting, not before it."
    ]


def test_the_decision_register_and_meeting_page_do_not_grow_with_the_rows(client, own, meeting):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    def add(n):
        for _ in range(n):
            item = factories.AgendaItemFactory(meeting=meeting)
            factories.MeetingPaperFactory(meeting=meeting, agenda_item=item)
            decision = factories.DecisionFactory(
                meeting=meeting, outcome="approved", agenda_item=item
            )
            decision.decided_by.add(factories.PersonFactory())

    add(1)
    urls = [
        f"/boards/{own.board.slug}/decisions/",
        f"/systems/{own.system.slug}/decisions/",
        "/meetings/run-meeting/",
    ]
    before = [queries(url) for url in urls]
    add(5)
    assert [queries(url) for url in urls] == before


@pytest.mark.parametrize("scope", ["boards", "systems"])
def test_the_decision_register_filters_by_dates_typed_in_the_date_boxes(client, own, scope):
    for day, text in ((D(2024, 1, 11), "January plan approved."), (D(2024, 3, 14), "March.")):
        held = factories.MeetingFactory(board=own.board, date=day, status="held")
        factories.DecisionFactory(meeting=held, text=text, outcome="approved")
    slug = own.board.slug if scope == "boards" else own.system.slug
    url = f"/{scope}/{slug}/decisions/"

    page = client.get(f"{url}?from-day=1&from-month=2&from-year=2024").content.decode()
    assert "March." in page and "January plan" not in page
    assert 'name="from-day"' in page and 'value="2"' in page  # the boxes keep what was typed
    page = client.get(f"{url}?to-day=31&to-month=1&to-year=2024").content.decode()
    assert "January plan approved." in page and "March." not in page
    both = client.get(
        f"{url}?from-day=1&from-month=1&from-year=2024&to-day=14&to-month=3&to-year=2024"
    ).content.decode()
    assert "January plan approved." in both and "March." in both
    # Links keep the API's ISO dates.
    assert "March." not in client.get(f"{url}?date_before=2024-02-01").content.decode()


@pytest.mark.parametrize(
    "query, box, message",
    [
        ("from-day=1&from-month=2", "from", "Meetings from must include a year"),
        ("to-month=2&to-year=2024", "to", "Meetings to must include a day"),
        ("from-day=31&from-month=2&from-year=2024", "from", "Meetings from must be a real date"),
        ("to-day=x&to-month=y&to-year=2024", "to", "Meetings to must be a real date"),
        ("from-day=1&from-month=1&from-year=1066", "from", "5 July 1948"),
        (
            "from-day=2&from-month=3&from-year=2024&to-day=1&to-month=3&to-year=2024",
            "to",
            "Meetings to must be the same as or after Meetings from",
        ),
        ("date_after=someday", "from", "Enter a valid date"),
    ],
)
def test_a_bad_date_on_the_decision_register_is_explained_not_a_500(
    client, own, query, box, message
):
    factories.DecisionFactory(
        meeting=factories.MeetingFactory(board=own.board), text="Approved.", outcome="approved"
    )
    response = client.get(f"/boards/{own.board.slug}/decisions/?{query}")
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'href="#{box}-day"' in page  # the error summary leads to the box
    assert "nhsuk-error-message" in page
    assert "Approved." not in page
