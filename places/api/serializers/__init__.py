from .places import (
    AreaSerializer,
    BriefAreaSerializer,
    BriefClusterSerializer,
    BriefFootprintSerializer,
    BriefPlaceSerializer,
    ClusterSerializer,
    FootprintSerializer,
    PlaceSerializer,
)
from .systems import BriefSystemSerializer, SystemSerializer

__all__ = [
    "AreaSerializer",
    "BriefAreaSerializer",
    "BriefClusterSerializer",
    "BriefFootprintSerializer",
    "BriefPlaceSerializer",
    "BriefSystemSerializer",
    "ClusterSerializer",
    "FootprintSerializer",
    "PlaceSerializer",
    "SystemSerializer",
]
