"""A property-based run against the OpenAPI schema (schemathesis): for every operation, a few
generated requests as an anonymous client and as a superuser with a token (so writes reach
validation and the database). No answer may be a 5xx, every status must be one the schema
documents for the operation, and every answer must match the schema. Bounded (few examples,
derandomized) so it runs in CI."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from tests import factories

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


@pytest.fixture
def api_schema(db):
    # The WSGI handler closes the database connection after each request; the test's
    # transaction needs it open (Django's test client does the same).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    # Something of every kind, so details and filters meet real rows as well as unknown ones.
    membership = factories.MembershipFactory()
    factories.AttendanceFactory(person=membership.person)
    factories.DecisionFactory()
    factories.TermsClauseFactory()
    factories.MeetingPaperFactory()
    factories.MilestoneFactory()
    factories.PriorityFactory()
    factories.ChapterFactory()
    factories.GlossaryTermFactory()
    cluster = factories.ClusterFactory(area=factories.AreaFactory())
    footprint = factories.FootprintFactory(system=cluster.place.system)
    footprint.clusters.set([cluster])
    factories.OrganisationIdentifierFactory()
    factories.PrincipleFactory()
    agreement = factories.AgreementFactory()
    agreement.parties.set([membership.on_behalf_of])
    factories.DevelopmentItemFactory()
    factories.MaturityStatementFactory()
    yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def superuser_token(db):
    user = factories.UserFactory(username="fuzz-root", is_staff=True, is_superuser=True)
    return Token.objects.get_or_create(user=user)[0].key


def test_no_server_errors_and_answers_match_the_schema(api_schema, superuser_token):
    token = {"Authorization": f"Token {superuser_token}"}
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) > 40

    @settings(
        max_examples=2,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def run(data, operation):
        case = data.draw(operation.as_strategy())
        if case.method.upper() == "GET":
            case.call_and_validate(checks=CHECKS)
        case.call_and_validate(headers=token, checks=CHECKS)

    for operation in operations:
        run(operation=operation)
