"""This app's API resources, included in the project's router (icsgov/api/urls.py)."""

from rest_framework.routers import SimpleRouter

from places.api import views

router = SimpleRouter()
# "systems" is registered by the project (icsgov/api/urls.py), whose SystemViewSet extends
# places.api.views.SystemViewSet with each system's integrated care board and its codes.
router.register("places", views.PlaceViewSet)
router.register("areas", views.AreaViewSet)
router.register("clusters", views.ClusterViewSet)
router.register("footprints", views.FootprintViewSet)
