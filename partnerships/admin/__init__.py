"""The secretariat's admin for partnerships, one module per concept (as models/)."""

from partnerships.admin import (  # noqa: F401  (registers the ModelAdmins)
    agreements,
    appointments,
    boards,
    councils,
    interests,
    meetings,
    organisations,
    people,
    seats,
    terms,
)
