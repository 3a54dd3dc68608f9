"""The strategy app's models, one module per concept (admin/, api/ and filtersets/ follow the
same split)."""

from .strategies import Chapter, Priority, Strategy  # isort: skip
from .milestones import Milestone  # isort: skip
from .development import (  # isort: skip
    DevelopmentItem,
    MaturityPeriod,
    MaturityStatement,
    MaturityTimeline,
)
from .glossary import GlossaryTerm  # isort: skip
from .needs import NeedsAssessment, Reconsideration  # isort: skip

__all__ = [
    "Chapter",
    "DevelopmentItem",
    "GlossaryTerm",
    "MaturityPeriod",
    "MaturityStatement",
    "MaturityTimeline",
    "Milestone",
    "NeedsAssessment",
    "Priority",
    "Reconsideration",
    "Strategy",
]
