"""Milestones in the admin: the secretariat mark their own system's milestones done."""

import pytest

from strategy.models import Milestone
from tests import factories


@pytest.mark.django_db
def test_mark_milestones_done(login, own, other):
    mine = factories.MilestoneFactory(system=own.system)
    theirs = factories.MilestoneFactory(system=other.system)
    login("secretariat-own").post(
        "/admin/strategy/milestone/",
        {"action": "mark_done", "_selected_action": [mine.pk, theirs.pk]},
    )
    assert Milestone.objects.get(pk=mine.pk).status == "done"
    assert Milestone.objects.get(pk=theirs.pk).status != "done"
