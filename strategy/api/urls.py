"""This app's API resources, included in the project's router (icsgov/api/urls.py)."""

from rest_framework.routers import SimpleRouter

from strategy.api import views

router = SimpleRouter()
router.register("strategies", views.StrategyViewSet)
router.register("chapters", views.ChapterViewSet)
router.register("priorities", views.PriorityViewSet)
router.register("milestones", views.MilestoneViewSet)
router.register("needs-assessments", views.NeedsAssessmentViewSet)
router.register("reconsiderations", views.ReconsiderationViewSet)
router.register("development-items", views.DevelopmentItemViewSet)
router.register("maturity-timelines", views.MaturityTimelineViewSet)
router.register("maturity-periods", views.MaturityPeriodViewSet)
router.register("maturity-statements", views.MaturityStatementViewSet)
router.register("glossary", views.GlossaryTermViewSet, basename="glossary")
