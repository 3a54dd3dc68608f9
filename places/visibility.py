"""Which geography is public: everything of a real system (a synthetic system's never is, but
for a benchmark run with ``ICSGOV_SHOW_SYNTHETIC``).

Registered with the framework's engine (icsgov.core.visibility) in ``PlacesConfig.ready()``.
Each rule takes a lookup ``prefix`` so the other apps' rules can build on them
(``public_place("board__place__")``).
"""

from django.conf import settings
from django.db.models import Q

from icsgov.core import visibility
from places.models import Area, Cluster, Footprint, Place, System


def public_system(prefix=""):
    if settings.SHOW_SYNTHETIC:
        # A benchmark or load run (ICSGOV_SHOW_SYNTHETIC, refused in production): synthetic
        # systems count as public, so anonymous reads of data made with --publish can be timed.
        return Q(**{f"{prefix}is_synthetic__isnull": False})  # every system
    return Q(**{f"{prefix}is_synthetic": False})


def public_place(prefix=""):
    return public_system(f"{prefix}system__")


def public_area(prefix=""):
    return public_place(f"{prefix}place__")


def public_cluster(prefix=""):
    return public_place(f"{prefix}place__")


def public_footprint(prefix=""):
    return public_system(f"{prefix}system__")


def register():
    visibility.register(System, public_system)
    visibility.register(Place, public_place)
    visibility.register(Area, public_area)
    visibility.register(Cluster, public_cluster, links=("area",))
    visibility.register(Footprint, public_footprint)
