"""This app's API resources, included in the project's router (icsgov/api/urls.py)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from icsgov.core import registry
from partnerships.api import views
from partnerships.api.views.councils import CouncilAreaViewSet
from partnerships.models import (
    Agreement,
    MeetingPaper,
    OrganisationIdentifier,
    Principle,
    TermsClause,
)

router = SimpleRouter()
router.register("organisations", views.OrganisationViewSet)
router.register("boards", views.BoardViewSet)
router.register("people", views.PersonViewSet)
router.register("posts", views.PostViewSet)
router.register("memberships", views.MembershipViewSet)
router.register("terms-of-reference", views.TermsOfReferenceViewSet, basename="termsofreference")
router.register("meetings", views.MeetingViewSet)
router.register("attendance", views.AttendanceViewSet)
router.register("decisions", views.DecisionViewSet)
router.register("council-areas", CouncilAreaViewSet)

urlpatterns = [
    path("systems/<slug:slug>/popolo/", views.SystemPopoloView.as_view(), name="system-popolo"),
]

registry.not_in_api(OrganisationIdentifier, "nested in its organisation's answers")
registry.not_in_api(TermsClause, "nested in its terms of reference's answers")
registry.not_in_api(Principle, "shown on its body's page")
registry.not_in_api(MeetingPaper, "listed on its meeting's page")
registry.not_in_api(Agreement, "admin only for now")
