from .development import (
    DevelopmentItemSerializer,
    MaturityPeriodDetailSerializer,
    MaturityStatementDetailSerializer,
    MaturityTimelineDetailSerializer,
    MaturityTimelineSerializer,
)
from .glossary import GlossaryTermSerializer
from .milestones import MilestoneSerializer, MilestoneWriteSerializer
from .needs import NeedsAssessmentSerializer, ReconsiderationSerializer
from .strategies import (
    BriefStrategySerializer,
    ChapterSerializer,
    PrioritySerializer,
    StrategyDetailSerializer,
    StrategySerializer,
)

__all__ = [
    "BriefStrategySerializer",
    "ChapterSerializer",
    "DevelopmentItemSerializer",
    "GlossaryTermSerializer",
    "MaturityPeriodDetailSerializer",
    "MaturityStatementDetailSerializer",
    "MaturityTimelineDetailSerializer",
    "MaturityTimelineSerializer",
    "MilestoneSerializer",
    "MilestoneWriteSerializer",
    "NeedsAssessmentSerializer",
    "PrioritySerializer",
    "ReconsiderationSerializer",
    "StrategyDetailSerializer",
    "StrategySerializer",
]
