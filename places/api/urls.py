"""This app's API resources, included in the project's router (icsgov/api/urls.py)."""

from rest_framework.routers import SimpleRouter

from places.api import views

router = SimpleRouter()
router.register("systems", views.SystemViewSet)
router.register("places", views.PlaceViewSet)
router.register("areas", views.AreaViewSet)
router.register("clusters", views.ClusterViewSet)
router.register("footprints", views.FootprintViewSet)
