from .glossary import GlossaryTermSerializer
from .milestones import MilestoneSerializer, MilestoneWriteSerializer
from .strategies import BriefStrategySerializer, PrioritySerializer, StrategySerializer

__all__ = [
    "BriefStrategySerializer",
    "GlossaryTermSerializer",
    "MilestoneSerializer",
    "MilestoneWriteSerializer",
    "PrioritySerializer",
    "StrategySerializer",
]
