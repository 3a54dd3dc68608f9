"""The secretariat's core journey in a real browser: log in through the admin's login form as a
secretariat user of one system, open a board, appoint someone to a seat with the autocomplete
widgets, save, and find the appointment in the list and in its history."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-password"


@pytest.fixture
def secretariat(transactional_db):
    """One system with a board, a two-place seat (one place taken) and a person to appoint;
    another system the user must not see; a secretariat user of the first."""
    from icsgov.access import AccessRole, SystemAccess
    from tests import factories as f

    system = f.SystemFactory(name="Hampshire and Isle of Wight", slug="hiow")
    board = f.BoardFactory(system=system, name="Southampton Health and Care Board")
    seat = f.PostFactory(board=board, label="Councillor", places=2)
    f.MembershipFactory(
        post=seat, person__name="Sitting Councillor", start_date=datetime.date(2023, 4, 1)
    )
    f.PersonFactory(name="Priya Singh", slug="priya-singh")
    f.OrganisationFactory(system=system, name="Southampton City Council")
    elsewhere = f.SystemFactory(name="Elsewhere")
    f.BoardFactory(system=elsewhere, name="Elsewhere Partnership Board")
    user = f.UserFactory(username="jo.bloggs", is_staff=True, password=PASSWORD)
    SystemAccess.objects.create(user=user, system=system, role=AccessRole.SECRETARIAT)
    return seat


def shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"secretariat-{name}.png", full_page=True)


def choose(page, select_id, text):
    """Pick ``text`` in the autocomplete (select2) widget of the <select> ``select_id``, as a user
    does: open it, type, click the match the server offers."""
    page.locator(f"#{select_id} + .select2").click()
    search = page.locator(".select2-container--open .select2-search__field")
    search.fill(text)
    option = page.locator(".select2-container--open .select2-results__option", has_text=text)
    expect(option).to_have_count(1)
    option.click()
    expect(page.locator(f"#select2-{select_id}-container")).to_have_text(re.compile(text))


def test_log_in_appoint_to_a_seat_and_read_the_history(live_server, secretariat, desktop_page):
    page = desktop_page
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(live_server.url + "/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.get_by_label("Username").fill("jo.bloggs")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Secretariat", exact=True)).to_be_visible()

    page.get_by_role("link", name="Bodies", exact=True).click()
    expect(page.locator("#result_list")).to_contain_text("Southampton Health and Care Board")
    expect(page.locator("#result_list")).not_to_contain_text("Elsewhere")
    page.get_by_role("link", name="Southampton Health and Care Board").click()
    seats = page.locator("#posts-group")
    expect(seats.locator("input[value='Councillor']")).to_be_visible()
    expect(seats).to_contain_text("1/2")  # filled today / places
    shot(page, "board")

    seats.locator("a.inlinechangelink").first.click()
    expect(page.locator("#memberships-group")).to_contain_text("Sitting Councillor")
    row = "id_memberships-1"  # the empty row under the sitting councillor's
    choose(page, f"{row}-person", "Priya Singh")
    choose(page, f"{row}-on_behalf_of", "Southampton City Council")
    page.locator(f"#{row}-start_date").fill("2024-05-20")
    shot(page, "seat-filled-in")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(live_server.url + "/admin/partnerships/membership/")
    results = page.locator("#result_list")
    expect(results).to_contain_text("Priya Singh")
    expect(results.locator("tr", has_text="Priya Singh")).to_contain_text(
        "Southampton City Council"
    )
    expect(results.locator("tr", has_text="Priya Singh")).to_contain_text("current")
    shot(page, "appointments")

    results.get_by_role("link", name="Priya Singh").click()
    page.get_by_role("link", name="History", exact=True).click()
    history = page.locator("#content")
    expect(history).to_contain_text("jo.bloggs")
    expect(history).to_contain_text("added")
    expect(history).to_contain_text("2024-05-20")
    shot(page, "history")
    assert errors == []

    from partnerships.models import Membership

    added = Membership.objects.get(person__slug="priya-singh")
    assert added.post_id == secretariat.pk
    assert added.start_date == datetime.date(2024, 5, 20)
    assert added.on_behalf_of.name == "Southampton City Council"
