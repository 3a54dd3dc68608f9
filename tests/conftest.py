import os
import shutil

import pytest

from tests import factories


@pytest.fixture
def superuser(db):
    return factories.UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the session, for tests/browser and tests/ops alike: Playwright's sync API
    cannot run twice at once in one thread, so the fixture lives where both folders find it."""
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, _skip_reason

    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    executable = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def no_api_throttling(monkeypatch):
    """The API's rate limits (settings.REST_FRAMEWORK) would count the suite's many requests from
    one address; tests/ops/test_throttling.py sets its own. DRF reads the rates once, into this
    class attribute, so that is where they are changed."""
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": None, "user": None})
