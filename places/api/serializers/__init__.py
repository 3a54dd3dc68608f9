from .places import (
    BriefAreaSerializer,
    BriefClusterSerializer,
    BriefPlaceSerializer,
    ClusterSerializer,
    PlaceSerializer,
)
from .systems import BriefSystemSerializer, SystemSerializer

__all__ = [
    "BriefAreaSerializer",
    "BriefClusterSerializer",
    "BriefPlaceSerializer",
    "BriefSystemSerializer",
    "ClusterSerializer",
    "PlaceSerializer",
    "SystemSerializer",
]
