"""This app's API resources, included in the project's router (icsgov/api/urls.py)."""

from rest_framework.routers import SimpleRouter

from icsgov.core import registry
from strategy.api import views
from strategy.models import (
    Chapter,
    DevelopmentItem,
    MaturityPeriod,
    MaturityStatement,
    MaturityTimeline,
)

router = SimpleRouter()
router.register("strategies", views.StrategyViewSet)
router.register("priorities", views.PriorityViewSet)
router.register("milestones", views.MilestoneViewSet)
router.register("glossary", views.GlossaryTermViewSet, basename="glossary")

registry.not_in_api(Chapter, "shown on its strategy's page")
registry.not_in_api(DevelopmentItem, "admin only for now")
registry.not_in_api(MaturityTimeline, "admin only for now")
registry.not_in_api(MaturityPeriod, "admin only for now")
registry.not_in_api(MaturityStatement, "admin only for now")
