"""The NHS.UK stylesheet's icons load: its ``url(/assets/images/…)`` addresses resolve."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static

pytestmark = pytest.mark.django_db

needs_frontend = pytest.mark.skipif(
    not settings.NHSUK_FRONTEND_DIST.is_dir(), reason="the NHS.UK frontend is not installed (npm)"
)


@needs_frontend
def test_every_asset_the_stylesheet_names_is_served(client):
    css = (settings.NHSUK_FRONTEND_DIST / "nhsuk-frontend.min.css").read_text()
    addresses = sorted(set(re.findall(r"url\((/assets/[^)]+)\)", css)))
    assert addresses, "the stylesheet names no assets: this test would prove nothing"
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 301, address
        # The frontend's own file, at the collected address static() gives it.
        name = "nhsuk/" + address.lstrip("/")
        assert response["Location"] == static(name), address
        assert finders.find(name), address


def test_anything_else_under_assets_is_not_found(client):
    assert client.get("/assets/images/no-such-icon.svg").status_code == 404
    assert client.get("/assets/../settings.py").status_code == 404
    assert client.get("/assets/nhsuk-frontend.min.css").status_code == 404
