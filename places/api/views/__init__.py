from .places import ClusterViewSet, PlaceViewSet
from .systems import SystemViewSet

__all__ = ["ClusterViewSet", "PlaceViewSet", "SystemViewSet"]
