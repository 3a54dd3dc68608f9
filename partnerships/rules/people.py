"""People: a person belongs to the system they were added in and to every system where they
hold, held or attended anything (``Person.system_scope``); only those systems' secretariat (and
superusers) may change them or see their contact details. A person added by a secretariat user
goes in their system: the one they keep, or the one they name."""

from icsgov.core import scoping


def home_system_for(user):
    """The system a new person added by ``user`` goes in when none is named: the user's only
    secretariat system; None when they keep several (they must name one) or are a superuser."""
    from places.models import System

    systems = scoping.system_ids(user, scoping.CHANGE)
    if not systems or len(systems) != 1:
        return None
    return System.objects.filter(pk=next(iter(systems))).first()


HOME_SYSTEM_NEEDED = "Give the system the person is added in."
