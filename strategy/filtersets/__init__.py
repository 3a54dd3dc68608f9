"""One FilterSet per model, one module per concept (as models/)."""

from .glossary import GlossaryTermFilterSet
from .milestones import MilestoneFilterSet
from .strategies import PriorityFilterSet, StrategyFilterSet

__all__ = ["GlossaryTermFilterSet", "MilestoneFilterSet", "PriorityFilterSet", "StrategyFilterSet"]
