"""The Content Security Policy lets every page work, and nothing on them is refused: the public
pages (NHS.UK frontend, our module script, the template's inline script), the secretariat's
admin and the API's docs (Swagger UI) and browsable API, in Chromium."""

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(
  `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


@pytest.fixture
def csp_page(desktop_page):
    """A page that records every CSP violation, from the console and from the DOM's events."""
    page = desktop_page
    page.csp_console = []
    page.on(
        "console",
        lambda m: page.csp_console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.add_init_script(RECORD_VIOLATIONS)
    return page


def visit(page, url):
    response = page.goto(url)
    assert "Content-Security-Policy" in response.headers or (
        "content-security-policy" in response.headers
    ), url
    page.wait_for_load_state("networkidle")
    return response


def violations(page):
    return page.csp_console + page.evaluate("window.__cspViolations")


def test_public_pages_work_under_the_policy(live_server, hiow, csp_page):
    page = csp_page
    for path in [
        "/",
        "/systems/hiow/",
        "/boards/hiow-icp/",
        "/people/current-chair/",
        "/places/southampton/",
        "/strategies/interim/",
        "/meetings/",
        "/glossary/",
        "/search/?q=Southampton",
        "/accessibility/",
        "/no-such-page/",
    ]:
        visit(page, live_server.url + path)
        # The frontend's JavaScript ran: the template's inline script marked the body, and
        # init.js started the components.
        assert "js-enabled" in page.evaluate("document.body.className"), path
        assert violations(page) == [], path
    # The header's menu, which the frontend's JavaScript builds, still works.
    page.set_viewport_size({"width": 390, "height": 844})
    visit(page, live_server.url + "/")
    page.get_by_role("searchbox", name="Search the registry").fill("Southampton")
    page.get_by_role("searchbox", name="Search the registry").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Search")
    assert violations(page) == []


def test_the_admin_works_under_the_policy(live_server, hiow, csp_page):
    page = csp_page
    user = factories.UserFactory(username="secretary", is_staff=True, is_superuser=True)
    user.set_password("a-long-test-password")
    user.save()

    visit(page, live_server.url + "/admin/")
    page.get_by_label("Username").fill("secretary")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Secretariat")).to_be_visible()
    assert violations(page) == []

    from partnerships.models import Board

    board = Board.objects.get(slug="hiow-icp")
    for path in [
        "/admin/",
        "/admin/partnerships/board/",
        f"/admin/partnerships/board/{board.pk}/change/",
        "/admin/partnerships/board/add/",
        "/admin/partnerships/membership/",
        "/admin/pghistory/events/",
    ]:
        visit(page, live_server.url + path)
        assert violations(page) == [], path

    # The admin's own JavaScript runs: "select all" ticks every row for an action.
    visit(page, live_server.url + "/admin/partnerships/board/")
    page.locator("#action-toggle").check()
    rows = page.locator("input.action-select")
    assert rows.count() >= 3
    assert all(rows.nth(i).is_checked() for i in range(rows.count()))
    assert violations(page) == []


def test_the_api_docs_and_browsable_api_work_under_the_policy(live_server, hiow, csp_page):
    page = csp_page
    visit(page, live_server.url + "/api/v1/docs/")
    # Swagger UI drew the operations from the schema.
    expect(page.locator(".opblock").first).to_be_visible(timeout=15_000)
    expect(page.locator(".swagger-ui")).to_contain_text("ICS governance registry API")
    assert violations(page) == []

    visit(page, live_server.url + "/api/v1/systems/")
    expect(page.locator("body")).to_contain_text("Hampshire and Isle of Wight")
    assert violations(page) == []
