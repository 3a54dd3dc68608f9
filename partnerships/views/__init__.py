"""The app's public pages, one module per concept."""

from .boards import board_calendar, board_detail
from .meetings import meeting_detail, meeting_list, system_calendar
from .people import person_detail

__all__ = [
    "board_calendar",
    "board_detail",
    "meeting_detail",
    "meeting_list",
    "person_detail",
    "system_calendar",
]
