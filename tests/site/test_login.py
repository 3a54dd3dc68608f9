"""Login throttling (django-axes) and Django's password validators."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from tests import factories

LOGIN = "/admin/login/"


@pytest.mark.django_db
def test_repeated_wrong_passwords_lock_the_login_out(client, settings):
    factories.UserFactory(username="jo", is_staff=True, password="the-right-passphrase")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(LOGIN, {"username": "jo", "password": "guess"})
        assert response.status_code == 200  # the form again, with an error
    last_try = client.post(LOGIN, {"username": "jo", "password": "guess"})
    assert last_try.status_code == 429
    locked = client.post(LOGIN, {"username": "jo", "password": "the-right-passphrase"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_right_password_logs_in_before_the_limit(client):
    factories.UserFactory(username="jo", is_staff=True, password="the-right-passphrase")
    client.post(LOGIN, {"username": "jo", "password": "guess"})
    response = client.post(LOGIN, {"username": "jo", "password": "the-right-passphrase"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


@pytest.mark.django_db
def test_client_login_works_when_given_a_request(client):
    # django-axes needs the request to know where an attempt comes from.
    factories.UserFactory(username="jo", is_staff=True, password="the-right-passphrase")
    request = RequestFactory().get("/")
    assert client.login(request=request, username="jo", password="the-right-passphrase")


def test_weak_passwords_are_refused():
    with pytest.raises(ValidationError):
        validate_password("password")
    with pytest.raises(ValidationError):
        validate_password("12345678901")
