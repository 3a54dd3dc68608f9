"""National means one thing: a national milestone has no system and no place (a constraint ties
scope and links), so it cannot appear on the national timeline and be scoped to one system."""

import pytest
from django.db import IntegrityError, transaction

from strategy.choices import Scope
from strategy.models import Milestone
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_database_refuses_a_national_milestone_with_a_system(own):
    milestone = factories.MilestoneFactory(scope=Scope.NATIONAL, system=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Milestone.objects.filter(pk=milestone.pk).update(system=own.system)


def test_the_api_refuses_it_with_a_message(api_as, own):
    response = api_as("superuser").post(
        "/api/v1/milestones/",
        {"title": "Mixed up", "date": "2024-04-01", "scope": "national", "system": own.system.slug},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["scope"] == [
        "A national milestone has no system or place; a system milestone has its system and no "
        "place; a place milestone has its place and that place's system."
    ]
    assert not Milestone.objects.filter(title="Mixed up").exists()


def test_a_place_milestone_names_its_place_and_system(own):
    place = factories.PlaceFactory(system=own.system)
    factories.MilestoneFactory(scope=Scope.PLACE, system=own.system, place=place).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.MilestoneFactory(scope=Scope.SYSTEM, system=own.system, place=place)
