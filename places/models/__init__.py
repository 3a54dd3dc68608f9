from .places import Area, Cluster, Footprint, Place
from .systems import PopulationMixin, System

__all__ = ["Area", "Cluster", "Footprint", "Place", "PopulationMixin", "System"]
