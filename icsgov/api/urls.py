"""The REST API, version 1: every app's resources under one router, with the history
(``changes``), search, the compliance findings, the schema and its docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from icsgov.api.changes import ChangeViewSet
from icsgov.api.compliance import ComplianceView
from icsgov.api.sources import SourceViewSet
from icsgov.api.systems import SystemViewSet
from icsgov.core.api.views import SearchView
from partnerships.api import urls as partnerships
from places.api import urls as places
from strategy.api import urls as strategy

app_name = "api"

router = DefaultRouter()
for app in (places, partnerships, strategy):
    router.registry.extend(app.router.registry)
# Systems are served here, on the top floor: their answers carry each one's integrated care
# board and its codes, which the places app may not read (icsgov/api/systems.py).
router.register("systems", SystemViewSet)
router.register("sources", SourceViewSet)
router.register("changes", ChangeViewSet, basename="change")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("search/", SearchView.as_view(), name="search"),
    path("compliance/", ComplianceView.as_view(), name="compliance"),
    *partnerships.urlpatterns,
    path("", include(router.urls)),
]
