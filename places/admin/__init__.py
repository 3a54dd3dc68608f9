"""The secretariat's admin for geography, one module per concept (as models/)."""

from places.admin import places, systems  # noqa: F401  (registers the ModelAdmins)
