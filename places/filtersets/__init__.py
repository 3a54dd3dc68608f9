"""One FilterSet per model, for the API's lists (and any other list of the same records)."""

from .places import ClusterFilterSet, PlaceFilterSet
from .systems import SystemFilterSet

__all__ = ["ClusterFilterSet", "PlaceFilterSet", "SystemFilterSet"]
