"""What a member of the public does, in a real browser, at desktop and phone widths."""

import re
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_to_system_to_board_to_person(live_server, hiow, page, screenshot):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Integrated Care Systems")
    screenshot(page, "home")

    page.get_by_role("link", name="Hampshire and Isle of Wight").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hampshire and Isle of Wight")
    diagram = page.get_by_role("group", name="Structure of Hampshire and Isle of Wight")
    expect(diagram).to_be_visible()
    screenshot(page, "system")

    page.locator(".app-structure-list").get_by_role(
        "link", name="HIOW Integrated Care Partnership"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("HIOW Integrated Care Partnership")
    expect(page.get_by_role("table", name=re.compile("Members on"))).to_contain_text(
        "Current Chair"
    )
    screenshot(page, "board")

    page.get_by_role("link", name="Current Chair").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Current Chair")
    expect(page.locator("main")).to_contain_text("NHS Hampshire and Isle of Wight")
    screenshot(page, "person")


def test_search_from_the_header_and_follow_a_result(live_server, hiow, page, screenshot):
    page.goto(live_server.url + "/meetings/")

    page.get_by_role("searchbox", name="Search the registry").fill("Southamton")
    page.get_by_role("searchbox", name="Search the registry").press("Enter")

    expect(page).to_have_url(re.compile(r"/search/\?q=Southamton"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Search")
    results = page.locator(".app-search-results")
    expect(results.locator("li").first).to_contain_text("Place")
    screenshot(page, "search")

    results.get_by_role("link", name="Southampton", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Southampton")
    assert page.errors == []


def test_changing_the_as_at_date_changes_the_members(live_server, hiow, desktop_page):
    page = desktop_page
    page.goto(live_server.url + "/boards/hiow-icp/")
    members = page.get_by_role("table", name=re.compile("Members on"))
    expect(members).to_contain_text("Current Chair")
    expect(members).not_to_contain_text("Former Chair")

    # The NHS.UK date input: day, month and year boxes.
    dates = page.get_by_role("group", name="Show members as at")
    dates.get_by_label("Day").fill("1")
    dates.get_by_label("Month").fill("12")
    dates.get_by_label("Year").fill("2022")
    page.get_by_role("button", name="Show members").click()

    expect(page).to_have_url(re.compile(r"on-day=1&on-month=12&on-year=2022"))
    members = page.get_by_role("table", name=re.compile("Members on 1 December 2022"))
    expect(members).to_contain_text("Former Chair")
    expect(members).not_to_contain_text("Current Chair")


def test_a_bad_date_is_explained(live_server, hiow, desktop_page):
    page = desktop_page
    page.goto(live_server.url + "/boards/hiow-icp/?as_at=2023-02-30")

    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Enter a real date")
    expect(page).to_have_title(re.compile("^Error:"))


def test_download_the_board_calendar_and_read_it(live_server, hiow, desktop_page):
    page = desktop_page
    page.goto(live_server.url + "/boards/hiow-icp/")

    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("Subscribe to this body")).click()
    calendar = Calendar.from_ical(Path(info.value.path()).read_bytes())

    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert summaries == ["HIOW Integrated Care Partnership: Inaugural meeting"]


PAGES = {
    "home": "/",
    "system": "/systems/hiow/",
    "system-duties": "/systems/hiow/duties/",
    "place": "/places/southampton/",
    "board": "/boards/hiow-icp/",
    "board-interests": "/boards/hiow-icp/interests/",
    "board-decisions": "/boards/hiow-icp/decisions/",
    "system-decisions": "/systems/hiow/decisions/",
    "decisions-bad-date": "/systems/hiow/decisions/?from-day=31&from-month=2&from-year=2024",
    "person": "/people/current-chair/",
    "meetings": "/meetings/",
    "meetings-month": "/meetings/?month=2022-09",
    "bodies": "/bodies/",
    "people": "/people/",
    "organisations": "/organisations/",
    "organisation": "/organisations/nhs-hiow/",
    "systems": "/systems/",
    "strategy": "/strategies/interim/",
    "glossary": "/glossary/",
    "search": "/search/?q=Southamton",
    "search-nothing-found": "/search/?q=zzqqxx",
    "accessibility": "/accessibility/",
    "not-found": "/no-such-page/",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_type_has_no_serious_accessibility_violations(
    live_server, hiow, page, axe, screenshot, name
):
    page.goto(live_server.url + PAGES[name])
    expect(page.locator("header.nhsuk-header")).to_be_visible()
    # The NHS.UK frontend's JavaScript started: it marks each component it initialises.
    expect(page.locator("header[data-nhsuk-header-init]")).to_have_count(1)
    screenshot(page, f"a11y-{name}")

    assert axe(page) == []
    assert page.errors == []


def test_the_accessibility_scan_does_find_violations(desktop_page, axe):
    """Guards the scan above: a page with an unlabelled image must fail it."""
    desktop_page.set_content('<html lang="en"><body><main><img src="x.png"></main></body></html>')

    assert "image-alt" in [v["id"] for v in axe(desktop_page)]
