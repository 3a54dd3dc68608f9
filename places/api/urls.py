"""This app's API resources, included in the project's router (icsgov/api/urls.py)."""

from rest_framework.routers import SimpleRouter

from icsgov.core import registry
from places.api import views
from places.models import Area, Footprint

router = SimpleRouter()
# "systems" is registered by the project (icsgov/api/urls.py), whose SystemViewSet extends
# places.api.views.SystemViewSet with each system's integrated care board and its codes.
router.register("places", views.PlaceViewSet)
router.register("clusters", views.ClusterViewSet)

registry.not_in_api(Area, "named in its clusters' answers")
registry.not_in_api(Footprint, "shown on its bodies' answers")
