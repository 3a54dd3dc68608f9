from .places import AreaViewSet, ClusterViewSet, FootprintViewSet, PlaceViewSet
from .systems import SystemViewSet

__all__ = ["AreaViewSet", "ClusterViewSet", "FootprintViewSet", "PlaceViewSet", "SystemViewSet"]
