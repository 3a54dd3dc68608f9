"""The REST API, version 1: one router for every app's viewsets, the schema and its docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from icsgov.api.changes import ChangeViewSet
from icsgov.api.views import SearchView
from partnerships.api import views as partnerships
from places.api import views as places
from strategy.api import views as strategy

app_name = "api"

router = DefaultRouter()
router.register("systems", places.SystemViewSet)
router.register("places", places.PlaceViewSet)
router.register("clusters", places.ClusterViewSet)
router.register("organisations", partnerships.OrganisationViewSet)
router.register("boards", partnerships.BoardViewSet)
router.register("people", partnerships.PersonViewSet)
router.register("posts", partnerships.PostViewSet)
router.register("memberships", partnerships.MembershipViewSet)
router.register(
    "terms-of-reference", partnerships.TermsOfReferenceViewSet, basename="termsofreference"
)
router.register("meetings", partnerships.MeetingViewSet)
router.register("attendance", partnerships.AttendanceViewSet)
router.register("decisions", partnerships.DecisionViewSet)
router.register("strategies", strategy.StrategyViewSet)
router.register("priorities", strategy.PriorityViewSet)
router.register("milestones", strategy.MilestoneViewSet)
router.register("glossary", strategy.GlossaryTermViewSet, basename="glossary")
router.register("changes", ChangeViewSet, basename="change")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("search/", SearchView.as_view(), name="search"),
    path(
        "systems/<slug:slug>/popolo/",
        partnerships.SystemPopoloView.as_view(),
        name="system-popolo",
    ),
    path("", include(router.urls)),
]
