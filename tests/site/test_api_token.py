"""API tokens: `manage.py api_token` issues a token that writes (and --reset replaces it), and
a bad token is refused even for reads."""

import io

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from icsgov.access import AccessRole
from tests.conftest import staff_user

pytestmark = pytest.mark.django_db


def test_api_token_command_issues_a_token_that_writes(api_world):
    user = staff_user("jo", AccessRole.SECRETARIAT, api_world.own.system)
    out = io.StringIO()
    call_command("api_token", "jo", stdout=out)
    key = out.getvalue().strip()
    assert Token.objects.get(user=user).key == key
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = client.patch(
        f"/api/v1/posts/{api_world.own.post.slug}/", {"notes": "By token."}, format="json"
    )
    assert response.status_code == 200
    out = io.StringIO()
    call_command("api_token", "jo", "--reset", stdout=out)
    assert out.getvalue().strip() != key
    response = client.patch(
        f"/api/v1/posts/{api_world.own.post.slug}/", {"notes": "Old token."}, format="json"
    )
    assert response.status_code == 401


def test_a_bad_token_is_a_401_even_for_reads():
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert client.get("/api/v1/people/").status_code == 401
