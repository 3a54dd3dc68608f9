"""What of the strategy app is public, registered with the framework's engine
(icsgov.core.visibility) in ``StrategyConfig.ready()``.

A strategy is public when marked for publication and beyond the draft stage, in a real system;
its chapters, priorities and reconsiderations with it. A joint strategic needs assessment is
public when published, of a published council, in a real system. A milestone is public when
published and national or of a real system. Links to bodies, strategies or meetings that are not
public are blanked.
"""

from django.db.models import Q

from icsgov.core import visibility
from partnerships.visibility import public_board, public_organisation
from places.visibility import public_place, public_system
from strategy.choices import StrategyStatus
from strategy.models import (
    Chapter,
    DevelopmentItem,
    GlossaryTerm,
    MaturityPeriod,
    MaturityStatement,
    MaturityTimeline,
    Milestone,
    NeedsAssessment,
    Priority,
    Reconsideration,
    Strategy,
)


def _q(prefix, **lookups):
    return Q(**{f"{prefix}{key}": value for key, value in lookups.items()})


def _in_public_system_or_none(prefix):
    return _q(prefix, system__isnull=True) | public_system(f"{prefix}system__")


def public_strategy(prefix=""):
    not_draft = [s for s in StrategyStatus.values if s != StrategyStatus.DRAFT]
    return _q(prefix, is_published=True, status__in=not_draft) & public_system(f"{prefix}system__")


def public_chapter(prefix=""):
    return public_strategy(f"{prefix}strategy__")


def public_priority(prefix=""):
    return public_strategy(f"{prefix}strategy__")


def public_milestone(prefix=""):
    return _q(prefix, is_published=True) & _in_public_system_or_none(prefix)


def public_needs_assessment(prefix=""):
    """A published assessment of a published council, received in a real system."""
    return (
        _q(prefix, is_published=True)
        & public_system(f"{prefix}system__")
        & public_organisation(f"{prefix}council__")
    )


def public_reconsideration(prefix=""):
    return public_strategy(f"{prefix}strategy__")


def public_development_item(prefix=""):
    board = _q(prefix, board__isnull=True) | public_board(f"{prefix}board__")
    place = _q(prefix, place__isnull=True) | public_place(f"{prefix}place__")
    return board & place


def public_maturity_timeline(prefix=""):
    return public_system(f"{prefix}system__")


def public_maturity_part(prefix=""):
    return public_maturity_timeline(f"{prefix}timeline__")


def public_glossary_term(prefix=""):
    return _in_public_system_or_none(prefix)


def register():
    visibility.register(Strategy, public_strategy, links=("owner_board", "based_on"))
    visibility.register(Chapter, public_chapter, links=("owner_board", "overseen_by"))
    visibility.register(Priority, public_priority)
    visibility.register(
        Milestone,
        public_milestone,
        links=("place", "strategy", "board", "meeting", "owner_board", "owner_organisation"),
    )
    visibility.register(
        NeedsAssessment, public_needs_assessment, links=("health_and_wellbeing_board",)
    )
    visibility.register(Reconsideration, public_reconsideration)
    visibility.register(DevelopmentItem, public_development_item)
    visibility.register(MaturityTimeline, public_maturity_timeline)
    visibility.register(MaturityPeriod, public_maturity_part)
    visibility.register(MaturityStatement, public_maturity_part)
    visibility.register(GlossaryTerm, public_glossary_term)
