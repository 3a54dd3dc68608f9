"""A body's public page: today's members (or a past date's), seats and vacancies, the terms in
force and what changed between versions, principles, meetings and related bodies — never
contact details or unpublished records."""

import datetime
import re

import pytest

from partnerships.choices import ChairModel, Role
from tests import factories as f

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def board_url(board, as_at=None):
    url = f"/boards/{board.slug}/"
    return f"{url}?as_at={as_at}" if as_at else url


def test_board_page_lists_todays_members_with_role_seat_behalf_and_since(client):
    board = f.BoardFactory(name="Southampton Place Board", chair_model=ChairModel.CO_CHAIRS)
    chair_seat = f.PostFactory(board=board, label="Co-chair (local authority)", role=Role.CO_CHAIR)
    member = f.MembershipFactory(
        post=chair_seat,
        person__name="Priya Singh",
        on_behalf_of__name="Southampton City Council",
        start_date=datetime.date(2022, 11, 1),
    )

    response = client.get(board_url(board))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Southampton Place Board" in html
    assert "Priya Singh" in html
    assert "Co-chair (local authority)" in html
    assert "Southampton City Council" in html
    assert "1 November 2022" in html
    assert "Co-chairs" in html  # chair arrangement
    assert f'href="/people/{member.person.slug}/"' in html


def test_board_page_as_at_a_past_date_shows_who_sat_then(client):
    board = f.BoardFactory()
    seat = f.PostFactory(board=board, label="ICB chair seat", role=Role.CHAIR)
    f.MembershipFactory(
        post=seat,
        person__name="Former Chair",
        start_date=datetime.date(2022, 7, 1),
        end_date=datetime.date(2023, 3, 31),
    )
    f.MembershipFactory(
        post=seat, person__name="Current Chair", start_date=datetime.date(2023, 4, 1)
    )

    then = client.get(board_url(board, "2022-12-01")).content.decode()
    now = client.get(board_url(board)).content.decode()

    assert "Former Chair" in then and "Current Chair" not in then
    assert "Current Chair" in now and "Former Chair" not in now
    # The day, month and year boxes keep the date asked for.
    for name, value in (("on-day", "1"), ("on-month", "12"), ("on-year", "2022")):
        assert re.search(rf'name="{name}"[^>]*value="{value}"', then), name


@pytest.mark.parametrize("bad", ["banana", "2023-02-30", "1066-10-14", "9999-99-99"])
def test_board_page_explains_a_bad_date_instead_of_failing(client, bad):
    board = f.BoardFactory()
    f.MembershipFactory(post__board=board, person__name="Still Shown")

    response = client.get(board_url(board, bad))

    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert "Enter a" in html
    assert "Still Shown" in html  # falls back to today


def test_board_page_shows_seats_with_vacancies(client):
    board = f.BoardFactory(membership_maintained_from=datetime.date(2022, 7, 1))
    seat = f.PostFactory(board=board, label="4 x local authority representatives", places=4)
    f.MembershipFactory(post=seat)
    f.PostFactory(board=board, label="Healthwatch seat", places=None)

    html = client.get(board_url(board)).content.decode()

    assert "4 x local authority representatives" in html
    assert "1 of 4" in html
    assert "3 vacant" in html
    assert "Healthwatch seat" in html
    assert "Number of places not stated" in html
    assert "membership up to date in the registry" in html


def test_a_body_known_only_from_papers_shows_holder_not_recorded_never_vacant(client):
    board = f.BoardFactory()  # membership not maintained in the registry
    f.PostFactory(board=board, label="Healthwatch representative", places=1, notes="As §3.8 says.")
    f.MembershipFactory(post=f.PostFactory(board=board, label="Councillors", places=3))

    html = client.get(board_url(board)).content.decode()

    assert "Holder not recorded" in html
    assert "2 of 3 holders not recorded" in html
    assert "vacant" not in html.replace("not vacant", "")
    assert "known only from papers" in html
    assert "As §3.8 says." in html  # the seat's notes are shown


def test_counts_never_reveal_an_unpublished_appointment(client):
    board = f.BoardFactory(membership_maintained_from=datetime.date(2022, 7, 1))
    seat = f.PostFactory(board=board, label="Lay member", places=1)
    f.MembershipFactory(post=seat, is_published=False)

    html = client.get(board_url(board)).content.decode()

    assert "0 of 1" in html and "1 vacant" in html


def test_board_page_never_shows_contact_details_or_unpublished_records(client):
    board = f.BoardFactory()
    shown = f.MembershipFactory(post__board=board, person__name="Public Person")
    f.MembershipFactory(post__board=board, person__name="Hidden Person", person__is_published=False)
    f.MembershipFactory(post__board=board, person__name="Hidden Appointment", is_published=False)
    f.PostFactory(board=board, label="Hidden seat", is_published=False)

    html = client.get(board_url(board)).content.decode()

    assert "Public Person" in html
    assert shown.person.email not in html
    assert shown.person.phone not in html
    assert "Hidden Person" not in html
    assert "Hidden Appointment" not in html
    assert "Hidden seat" not in html


def test_board_page_shows_terms_in_force_earlier_versions_and_what_changed_never_drafts(client):
    board = f.BoardFactory()
    v1 = f.TermsOfReferenceFactory(
        board=board,
        version="1.0",
        in_force_from=datetime.date(2022, 7, 1),
        in_force_to=datetime.date(2023, 6, 30),
    )
    f.TermsClauseFactory(terms=v1, topic="quoracy", heading="Quorum", text="Half the members.")
    f.TermsClauseFactory(terms=v1, topic="review", heading="Review", text="Every year.")
    v2 = f.TermsOfReferenceFactory(
        board=board, version="2.0", in_force_from=datetime.date(2023, 7, 1), quorum="a third"
    )
    f.TermsClauseFactory(terms=v2, topic="quoracy", heading="Quorum", text="A third of members.")
    f.TermsClauseFactory(terms=v2, topic="voting", heading="Voting", text="By consensus.")
    f.TermsOfReferenceFactory(board=board, version="3.0-draft", status="draft", in_force_from=None)

    html = client.get(board_url(board)).content.decode()
    old = client.get(board_url(board, "2023-01-01")).content.decode()

    assert "Version 2.0 is in force" in html
    assert "What changed from version 1.0" in html
    assert "A third of members." in html and "Half the members." in html  # changed wording
    assert "Voting" in html  # added
    assert "Review" in html  # removed
    assert "Other versions" in html
    assert "3.0-draft" not in html
    assert "Version 1.0 is in force" in old


def test_board_page_lists_principles_meetings_and_related_bodies(client):
    board = f.BoardFactory(name="Joint Commissioning Board 2023")
    old = f.BoardFactory(system=board.system, name="Joint Commissioning Board 2019")
    board.predecessors.add(old)
    f.PrincipleFactory(board=board, title="learning system")
    f.MeetingFactory(board=board, title="Inaugural meeting", date=datetime.date(2023, 1, 12))
    f.MeetingFactory(board=board, title="Hidden meeting", is_published=False)
    f.MeetingFactory(board=board, title="Next meeting", date=TODAY + datetime.timedelta(days=30))

    html = client.get(board_url(board)).content.decode()

    assert "Learning system" in html
    assert "Inaugural meeting" in html
    assert "Next meeting" in html
    assert "Hidden meeting" not in html
    assert "Joint Commissioning Board 2019" in html


def test_unpublished_board_and_boards_of_synthetic_systems_are_not_found(client):
    hidden = f.BoardFactory(is_published=False)
    synthetic = f.BoardFactory(system__is_synthetic=True)

    assert client.get(board_url(hidden)).status_code == 404
    assert client.get(board_url(synthetic)).status_code == 404


def test_board_page_compares_any_earlier_version_with_the_one_in_force(client):
    board = f.BoardFactory()
    versions = {}
    for n, (start, end, text) in enumerate(
        [
            (datetime.date(2022, 7, 1), datetime.date(2022, 12, 31), "Half the members."),
            (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31), "A third of members."),
            (datetime.date(2024, 1, 1), None, "A quarter of members."),
        ],
        start=1,
    ):
        v = f.TermsOfReferenceFactory(
            board=board, version=f"{n}.0", in_force_from=start, in_force_to=end
        )
        f.TermsClauseFactory(terms=v, topic="quoracy", heading="Quorum", text=text)
        versions[n] = v

    default = client.get(board_url(board)).content.decode()
    chosen = client.get(f"{board_url(board)}?compare={versions[1].slug}").content.decode()

    assert "What changed from version 2.0 to version 3.0" in default
    assert "What changed from version 1.0 to version 3.0" in chosen
    assert "Half the members." in chosen and "A quarter of members." in chosen
    assert f"compare={versions[1].slug}" in default  # a link to make that comparison


def test_the_board_page_reads_its_date_from_day_month_and_year_boxes(client):
    board = f.BoardFactory(slug="dated-board", start_date=datetime.date(2022, 7, 1))
    post = f.PostFactory(board=board, label="Chair seat")
    f.MembershipFactory(
        post=post,
        person__name="Early Chair",
        start_date=datetime.date(2022, 7, 1),
        end_date=datetime.date(2023, 3, 31),
    )

    html = client.get(
        "/boards/dated-board/", {"on-day": "1", "on-month": "1", "on-year": "2023"}
    ).content.decode()
    assert "Members on 1 January 2023" in html and "Early Chair" in html
    assert 'name="on-year"' in html and 'value="2023"' in html

    bad = client.get("/boards/dated-board/", {"on-day": "1", "on-year": "2023"})
    assert bad.status_code == 400
    assert "The date must include a month" in bad.content.decode()


def test_the_board_page_says_when_the_body_did_not_exist_on_the_date(client):
    f.BoardFactory(
        slug="short-lived",
        name="Short-lived group",
        start_date=datetime.date(2022, 7, 1),
        end_date=datetime.date(2023, 3, 31),
    )
    before = client.get("/boards/short-lived/?as_at=2021-01-01").content.decode()
    assert (
        "Short-lived group did not exist yet on 1 January 2021: it started 1 July 2022." in before
    )
    after = client.get("/boards/short-lived/?as_at=2024-01-01").content.decode()
    assert "Short-lived group no longer existed on 1 January 2024: it ended 31 March 2023." in after
    during = client.get("/boards/short-lived/?as_at=2023-01-01").content.decode()
    assert "did not exist" not in during and "no longer existed" not in during
