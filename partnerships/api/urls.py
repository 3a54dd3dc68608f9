"""This app's API resources, included in the project's router (icsgov/api/urls.py)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from partnerships.api import views
from partnerships.api.views.councils import CouncilAreaViewSet
from partnerships.api.views.interests import (
    GiftOrHospitalityViewSet,
    InterestViewSet,
    MeetingDeclarationViewSet,
)

router = SimpleRouter()
router.register("organisations", views.OrganisationViewSet)
router.register("organisation-identifiers", views.OrganisationIdentifierViewSet)
router.register("boards", views.BoardViewSet)
router.register("principles", views.PrincipleViewSet)
router.register("people", views.PersonViewSet)
router.register("posts", views.PostViewSet)
router.register("memberships", views.MembershipViewSet)
router.register("terms-of-reference", views.TermsOfReferenceViewSet, basename="termsofreference")
router.register("terms-clauses", views.TermsClauseViewSet)
router.register("meetings", views.MeetingViewSet)
router.register("meeting-papers", views.MeetingPaperViewSet)
router.register("attendance", views.AttendanceViewSet)
router.register("decisions", views.DecisionViewSet)
router.register("agenda-items", views.AgendaItemViewSet)
router.register("meeting-cycles", views.MeetingCycleViewSet)
router.register("agreements", views.AgreementViewSet)
router.register("council-areas", CouncilAreaViewSet)
router.register("interests", InterestViewSet)
router.register("gifts-and-hospitality", GiftOrHospitalityViewSet)
router.register("meeting-declarations", MeetingDeclarationViewSet)

urlpatterns = [
    path("systems/<slug:slug>/popolo/", views.SystemPopoloView.as_view(), name="system-popolo"),
]
