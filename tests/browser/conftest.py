"""Browser tests: Debian's Chromium driven by Playwright, against pytest-django's live server.

Playwright never downloads a browser here (no ``playwright install``): it drives the system's
Chromium through ``executable_path``. Without Chromium, or without the NHS.UK frontend assets
from ``npm ci``, every browser test is skipped with a message saying why.
"""

import datetime
import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make to set
# up data are still synchronous and safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = os.environ.get("ICSGOV_CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
NHSUK_CSS = ROOT / "node_modules" / "nhsuk-frontend" / "dist" / "nhsuk" / "nhsuk-frontend.min.css"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def _skip_reason():
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        return (
            f"BROWSER TESTS SKIPPED: no Chromium at {CHROMIUM}. Install Debian's chromium "
            "(apt-get install chromium) or set ICSGOV_CHROMIUM to its path."
        )
    if not NHSUK_CSS.exists() or not AXE.exists():
        return "BROWSER TESTS SKIPPED: node_modules missing. Install npm and run `make install`."
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "BROWSER TESTS SKIPPED: the playwright package is missing; run `make install`."
    return None


# The session's Chromium (the `browser` fixture) is in tests/conftest.py, shared with tests/ops.


@pytest.fixture(params=list(VIEWPORTS))
def page(request, browser):
    context = browser.new_context(viewport=VIEWPORTS[request.param], accept_downloads=True)
    page = context.new_page()
    page.viewport_name = request.param
    # Script errors, and our own assets failing to load. (The NHS.UK CSS also fetches the
    # Frutiger font from assets.nhs.uk, which an offline machine cannot reach: not ours.)
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on(
        "response",
        lambda r: (
            page.errors.append(f"{r.status} {r.url}")
            if "/static/" in r.url and r.status >= 400
            else None
        ),
    )
    # A request the browser itself cancelled (the user followed a link while an icon the CSS
    # asks for was still loading: net::ERR_ABORTED) is not an asset failing; a missing asset
    # is a 404 above.
    page.on(
        "requestfailed",
        lambda r: (
            page.errors.append(f"failed {r.url} ({r.failure})")
            if "/static/" in r.url and r.failure != "net::ERR_ABORTED"
            else None
        ),
    )
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport=VIEWPORTS["desktop"], accept_downloads=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def screenshot():
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name):
        page.screenshot(path=ARTIFACTS / f"{name}-{page.viewport_name}.png", full_page=True)

    return take


@pytest.fixture
def axe():
    """Run axe-core in ``page``; returns the serious and critical WCAG 2.x A/AA violations."""

    def scan(page):
        # Evaluated through the browser's devtools protocol, which the page's
        # Content-Security-Policy does not cover (a <script> tag of it would be refused).
        page.evaluate(AXE.read_text())
        result = page.evaluate(
            """() => axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"""
        )
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return scan


@pytest.fixture
def hiow(transactional_db):
    """A small system with everything the pages show: bodies, a place, people, a meeting."""
    from partnerships.choices import BoardKind, Role
    from strategy.choices import Scope
    from tests import factories as f

    system = f.SystemFactory(name="Hampshire and Isle of Wight", slug="hiow", population=2_000_000)
    f.BoardFactory(system=system, name="HIOW ICB Board", kind=BoardKind.ICB_BOARD)
    icp = f.BoardFactory(
        system=system,
        name="HIOW Integrated Care Partnership",
        slug="hiow-icp",
        kind=BoardKind.STATUTORY_ICP,
    )
    f.BoardFactory(
        system=system, parent=icp, name="ICP Engine Room", kind=BoardKind.ICP_CORE_COMMITTEE
    )
    place = f.PlaceFactory(system=system, name="Southampton", slug="southampton")
    cluster = f.ClusterFactory(place=place, name="Cluster 1")
    f.BoardFactory(
        system=system,
        place=place,
        cluster=cluster,
        name="Cluster 1 board",
        kind=BoardKind.CLUSTER_BOARD,
    )
    chair = f.PostFactory(board=icp, label="Chair", role=Role.CHAIR)
    f.MembershipFactory(
        post=chair,
        person__name="Former Chair",
        person__slug="former-chair",
        start_date=datetime.date(2022, 7, 1),
        end_date=datetime.date(2023, 3, 31),
    )
    current = f.MembershipFactory(
        post=chair,
        person__name="Current Chair",
        person__slug="current-chair",
        on_behalf_of__name="NHS Hampshire and Isle of Wight",
        on_behalf_of__slug="nhs-hiow",
        start_date=datetime.date(2023, 4, 1),
    )
    f.TermsOfReferenceFactory(board=icp, version="1.0")
    f.PrincipleFactory(board=icp, title="learning system")
    inaugural = f.MeetingFactory(
        board=icp, title="Inaugural meeting", date=datetime.date(2022, 9, 1)
    )
    # The registers the pages publish: a decision on the decision registers, an interest and a
    # gift on the register of interests.
    f.DecisionFactory(
        meeting=inaugural,
        text="Agreed the terms of reference.",
        outcome="approved",
        is_key_decision=True,
        decided_on=datetime.date(2022, 9, 1),
    )
    f.InterestFactory(membership=current, interest_from=datetime.date(2023, 4, 1))
    f.GiftOrHospitalityFactory(membership=current, date=datetime.date(2023, 5, 2))
    strategy = f.StrategyFactory(
        system=system, name="Interim integrated care strategy", slug="interim"
    )
    f.PriorityFactory(strategy=strategy, name="Workforce")
    f.MilestoneFactory(strategy=strategy, system=system, title="Publish interim strategy")
    f.MilestoneFactory(scope=Scope.NATIONAL, system=None, title="ICSs put on statutory footing")
    f.GlossaryTermFactory(term="Integrated care partnership", acronym="ICP")
    return system
