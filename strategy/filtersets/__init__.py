"""One FilterSet per model, one module per concept (as models/)."""

from .development import (
    DevelopmentItemFilterSet,
    MaturityPeriodFilterSet,
    MaturityStatementFilterSet,
    MaturityTimelineFilterSet,
)
from .glossary import GlossaryTermFilterSet
from .milestones import MilestoneFilterSet
from .needs import NeedsAssessmentFilterSet, ReconsiderationFilterSet
from .strategies import ChapterFilterSet, PriorityFilterSet, StrategyFilterSet

__all__ = [
    "ChapterFilterSet",
    "DevelopmentItemFilterSet",
    "GlossaryTermFilterSet",
    "MaturityPeriodFilterSet",
    "MaturityStatementFilterSet",
    "MaturityTimelineFilterSet",
    "MilestoneFilterSet",
    "NeedsAssessmentFilterSet",
    "PriorityFilterSet",
    "ReconsiderationFilterSet",
    "StrategyFilterSet",
]
