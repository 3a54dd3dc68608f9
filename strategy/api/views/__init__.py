from .glossary import GlossaryTermViewSet
from .milestones import MilestoneViewSet
from .strategies import PriorityViewSet, StrategyViewSet

__all__ = ["GlossaryTermViewSet", "MilestoneViewSet", "PriorityViewSet", "StrategyViewSet"]
