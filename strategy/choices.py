from django.db import models


class StrategyKind(models.TextChoices):
    INTEGRATED_CARE_STRATEGY = "integrated_care_strategy", "Integrated care strategy"
    INTERIM_INTEGRATED_CARE_STRATEGY = (
        "interim_integrated_care_strategy",
        "Interim integrated care strategy",
    )
    JOINT_FORWARD_PLAN = "joint_forward_plan", "ICB joint forward plan"
    HEALTH_AND_WELLBEING_STRATEGY = (
        "health_and_wellbeing_strategy",
        "Joint local health and wellbeing strategy",
    )
    PLACE_HEALTH_AND_CARE_STRATEGY = (
        "place_health_and_care_strategy",
        "Place health and care strategy",
    )
    GREEN_PLAN = "green_plan", "Green plan"
    SYSTEM_REFORM_PROPOSAL = "system_reform_proposal", "System reform proposal"
    OTHER = "other", "Other"


#: The strategies the integrated care partnership reconsiders after each joint strategic needs
#: assessment it receives (LGPIHA 2007 s116ZB(6)).
STRATEGY_KINDS_RECONSIDERED = (
    StrategyKind.INTEGRATED_CARE_STRATEGY,
    StrategyKind.INTERIM_INTEGRATED_CARE_STRATEGY,
)


class ReconsiderationOutcome(models.TextChoices):
    REVISED = "revised", "Revised"
    NOT_REVISED = "not_revised", "Not revised"
    NOT_RECORDED = "not_recorded", "Not recorded"


class StrategyStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_DEVELOPMENT = "in_development", "In development"
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    SUPERSEDED = "superseded", "Superseded"


class ChapterScope(models.TextChoices):
    PLACE = "place", "Place"
    SYSTEM = "system", "System"


class PriorityStatus(models.TextChoices):
    EMERGING = "emerging", "Emerging"
    AGREED = "agreed", "Agreed"
    RETIRED = "retired", "Retired"


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    MISSED = "missed", "Missed"
    CANCELLED = "cancelled", "Cancelled"
    UNKNOWN = "unknown", "Not known"


class Recurrence(models.TextChoices):
    NONE = "none", "Once"
    ANNUAL = "annual", "Every year"


class Scope(models.TextChoices):
    NATIONAL = "national", "National"
    SYSTEM = "system", "System"
    PLACE = "place", "Place"


class DevelopmentStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    UNKNOWN = "unknown", "Not known"
