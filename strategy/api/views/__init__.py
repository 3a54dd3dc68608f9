from .development import (
    DevelopmentItemViewSet,
    MaturityPeriodViewSet,
    MaturityStatementViewSet,
    MaturityTimelineViewSet,
)
from .glossary import GlossaryTermViewSet
from .milestones import MilestoneViewSet
from .needs import NeedsAssessmentViewSet, ReconsiderationViewSet
from .strategies import ChapterViewSet, PriorityViewSet, StrategyViewSet

__all__ = [
    "ChapterViewSet",
    "DevelopmentItemViewSet",
    "GlossaryTermViewSet",
    "MaturityPeriodViewSet",
    "MaturityStatementViewSet",
    "MaturityTimelineViewSet",
    "MilestoneViewSet",
    "NeedsAssessmentViewSet",
    "PriorityViewSet",
    "ReconsiderationViewSet",
    "StrategyViewSet",
]
