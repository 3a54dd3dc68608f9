"""One FilterSet per model, for the API's lists (and any other list of the same records)."""

from .places import AreaFilterSet, ClusterFilterSet, FootprintFilterSet, PlaceFilterSet
from .systems import SystemFilterSet

__all__ = [
    "AreaFilterSet",
    "ClusterFilterSet",
    "FootprintFilterSet",
    "PlaceFilterSet",
    "SystemFilterSet",
]
