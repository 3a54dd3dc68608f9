"""The registers' rules, refused through the admin and the API with the same message, and the
thresholds read from configuration (NHS England's defaults, overridden by settings)."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.test import override_settings

from partnerships.models import GiftOrHospitality, Interest
from partnerships.rules.interests import DEFAULTS
from tests import factories
from tests.helpers.api import assert_refused

D = datetime.date


def interest_form(appointment, **changes):
    data = {
        "person": appointment.person_id,
        "membership": appointment.pk,
        "occasion": "on_appointment",
        "category": "financial",
        "interest_type": "shareholdings",
        "description": "Shares in Wessex Care Homes Ltd",
        "organisation_name": "",
        "from_precision": "day",
        "to_precision": "day",
        "declared_on": "2023-01-10",
        "withheld_reason": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def interest_json(appointment, **changes):
    data = {
        "person": appointment.person.slug,
        "membership": appointment.slug,
        "occasion": "on_appointment",
        "category": "financial",
        "interest_type": "shareholdings",
        "description": "Shares in Wessex Care Homes Ltd",
        "declared_on": "2023-01-10",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def gift_form(membership, **changes):
    data = {
        "person": membership.person_id,
        "membership": membership.pk,
        "kind": "gift",
        "outcome": "accepted",
        "description": "A hamper",
        "giver_name": "Wessex Medical Supplies Ltd",
        "is_from_supplier": "true",
        "value_gbp": "20.00",
        "date": "2023-12-15",
        "date_precision": "day",
        "declared_on": "2023-12-20",
        "approved_by": "",
    }
    data.update(changes)
    return data


def gift_json(membership, **changes):
    data = {
        "person": membership.person.slug,
        "membership": membership.slug,
        "kind": "gift",
        "outcome": "accepted",
        "description": "A hamper",
        "giver_name": "Wessex Medical Supplies Ltd",
        "is_from_supplier": True,
        "value_gbp": "20.00",
        "date": "2023-12-15",
        "declared_on": "2023-12-20",
    }
    data.update(changes)
    return data


def admin_errors(response):
    assert response.status_code == 200, "the form was saved"
    return {
        name: " ".join(errors) for name, errors in response.context["adminform"].form.errors.items()
    }


ADD_INTEREST = "/admin/partnerships/interest/add/"
ADD_GIFT = "/admin/partnerships/giftorhospitality/add/"


# -- declarations of interest ----------------------------------------------------------------


@pytest.mark.django_db
def test_secretariat_records_a_declaration_for_a_member_in_the_admin(login, own):
    response = login("secretariat-own").post(ADD_INTEREST, interest_form(own.membership))
    assert response.status_code == 302, admin_errors(response)
    interest = Interest.objects.get()
    assert interest.person == own.membership.person
    assert interest.is_published is False  # reviewed before publication
    assert interest.review_due_on == D(2024, 1, 10)  # a year after declared by default


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"is_nil_return": "on"}, "description", "nil return declares no interests"),
        ({"description": ""}, "description", "Describe the interest"),
        ({"category": ""}, "category", "Choose the category"),
        ({"is_withheld": "on"}, "withheld_reason", "Give the reason the entry is withheld"),
        ({"withheld_reason": "privacy"}, "withheld_reason", "only for a withheld entry"),
        (
            {"interest_from": "2023-01-01", "interest_to": "2022-01-01"},
            "interest_to",
            "cannot be before",
        ),
        ({"declared_on": "2099-01-01"}, "declared_on", "cannot be in the future"),
    ],
)
@pytest.mark.django_db
def test_a_bad_declaration_is_refused_with_the_same_message_in_admin_and_api(
    login, api_as, own, changes, field, words
):
    admin = admin_errors(
        login("secretariat-own").post(ADD_INTEREST, interest_form(own.membership, **changes))
    )
    assert words in admin[field], admin
    as_json = {k: (True if v == "on" else v) for k, v in changes.items()}
    response = api_as("secretariat-own").post(
        "/api/v1/interests/", interest_json(own.membership, **as_json), format="json"
    )
    assert_refused(response, field, words)
    assert not Interest.objects.exists()


@pytest.mark.django_db
def test_a_declaration_to_someone_elses_appointment_is_refused(login, api_as, own):
    stranger = factories.MembershipFactory(post=factories.PostFactory(board=own.board))
    form = interest_form(own.membership, membership=stranger.pk)
    assert (
        "choose one of the declaring person's appointments"
        in admin_errors(login("secretariat-own").post(ADD_INTEREST, form))["membership"]
    )
    response = api_as("secretariat-own").post(
        "/api/v1/interests/", interest_json(own.membership, membership=stranger.slug), format="json"
    )
    assert_refused(response, "membership", "choose one of the declaring person's appointments")


@pytest.mark.django_db
def test_a_secretariat_cannot_declare_to_another_systems_appointment(api_as, own, other):
    response = api_as("secretariat-own").post(
        "/api/v1/interests/", interest_json(other.membership), format="json"
    )
    assert response.status_code == 400
    assert not Interest.objects.exists()


@pytest.mark.django_db
def test_the_database_refuses_a_withheld_entry_without_a_reason():
    interest = factories.InterestFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Interest.objects.filter(pk=interest.pk).update(is_withheld=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Interest.objects.filter(pk=interest.pk).update(is_nil_return=True)


@pytest.mark.django_db
def test_a_nil_return_is_a_declaration_of_no_interests(api_as, own):
    response = api_as("secretariat-own").post(
        "/api/v1/interests/",
        interest_json(
            own.membership, is_nil_return=True, category="", interest_type="", description=""
        ),
        format="json",
    )
    assert response.status_code == 201, response.content
    assert Interest.objects.get().is_nil_return


@pytest.mark.django_db
def test_declarations_are_ended_not_deleted(login, own):
    interest = factories.InterestFactory(membership=own.membership)
    response = login("secretariat-own").post(
        f"/admin/partnerships/interest/{interest.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code in (302, 403)
    assert Interest.objects.filter(pk=interest.pk).exists()


# -- gifts and hospitality: thresholds from configuration ------------------------------------


@pytest.mark.django_db
def test_a_suppliers_gift_over_the_limit_accepted_without_approval_is_refused(login, api_as, own):
    words = "Gifts from suppliers or contractors worth £6 or more are declined"
    assert (
        words
        in admin_errors(login("secretariat-own").post(ADD_GIFT, gift_form(own.membership)))[
            "outcome"
        ]
    )
    response = api_as("secretariat-own").post(
        "/api/v1/gifts-and-hospitality/", gift_json(own.membership), format="json"
    )
    assert_refused(response, "outcome", words, "£20")
    assert not GiftOrHospitality.objects.exists()


@pytest.mark.django_db
def test_a_suppliers_gift_is_accepted_with_an_approver_or_when_declined(api_as, own):
    client = api_as("secretariat-own")
    for changes in (
        {"approved_by": "Chief Executive"},
        {"outcome": "declined"},
        {"value_gbp": "5.99"},
    ):
        response = client.post(
            "/api/v1/gifts-and-hospitality/", gift_json(own.membership, **changes), format="json"
        )
        assert response.status_code == 201, response.content
    assert GiftOrHospitality.objects.count() == 3


@pytest.mark.django_db
def test_the_supplier_limit_comes_from_configuration(api_as, own):
    with override_settings(ICSGOV_CONFLICTS_OF_INTEREST={"SUPPLIER_GIFT_LIMIT": 25}):
        response = api_as("secretariat-own").post(
            "/api/v1/gifts-and-hospitality/", gift_json(own.membership), format="json"
        )
        assert response.status_code == 201, response.content
    with override_settings(ICSGOV_CONFLICTS_OF_INTEREST={"SUPPLIER_GIFT_LIMIT": 10}):
        response = api_as("secretariat-own").post(
            "/api/v1/gifts-and-hospitality/", gift_json(own.membership), format="json"
        )
        assert_refused(response, "outcome", "worth £10 or more")


@pytest.mark.django_db
def test_hospitality_over_the_refusal_limit_needs_approval(login, api_as, own):
    over = {"kind": "hospitality", "is_from_supplier": False, "value_gbp": "80.00"}
    words = "Hospitality worth over £75 is refused unless senior staff approve it"
    form = gift_form(own.membership, **{**over, "is_from_supplier": "false"})
    assert words in admin_errors(login("secretariat-own").post(ADD_GIFT, form))["outcome"]
    client = api_as("secretariat-own")
    assert_refused(
        client.post(
            "/api/v1/gifts-and-hospitality/", gift_json(own.membership, **over), format="json"
        ),
        "outcome",
        words,
    )
    within = {**over, "value_gbp": "75.00"}
    assert (
        client.post(
            "/api/v1/gifts-and-hospitality/", gift_json(own.membership, **within), format="json"
        ).status_code
        == 201
    )
    with override_settings(ICSGOV_CONFLICTS_OF_INTEREST={"HOSPITALITY_REFUSE_OVER": 100}):
        assert (
            client.post(
                "/api/v1/gifts-and-hospitality/", gift_json(own.membership, **over), format="json"
            ).status_code
            == 201
        )


@pytest.mark.django_db
def test_a_gift_says_who_offered_it(api_as, own):
    response = api_as("secretariat-own").post(
        "/api/v1/gifts-and-hospitality/",
        gift_json(own.membership, giver_name="", outcome="declined"),
        format="json",
    )
    assert_refused(response, "giver_name", "Say who offered it")


def test_the_defaults_are_nhs_englands_figures(settings):
    assert settings.ICSGOV_CONFLICTS_OF_INTEREST == DEFAULTS
    assert DEFAULTS["SUPPLIER_GIFT_LIMIT"] == 6 and DEFAULTS["GIFT_DECLARE_FROM"] == 50
    assert DEFAULTS["HOSPITALITY_DECLARE_FROM"] == 25 and DEFAULTS["HOSPITALITY_REFUSE_OVER"] == 75
    assert DEFAULTS["DECLARE_WITHIN_DAYS"] == 28
