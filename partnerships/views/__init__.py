"""The app's public pages, one module per concept."""

from .boards import board_calendar, board_detail
from .indexes import body_index, organisation_detail, organisation_index, people_index
from .meetings import decision_register, meeting_detail, meeting_list, paper_file, system_calendar
from .people import person_detail

__all__ = [
    "board_calendar",
    "board_detail",
    "body_index",
    "decision_register",
    "meeting_detail",
    "meeting_list",
    "organisation_detail",
    "paper_file",
    "organisation_index",
    "people_index",
    "person_detail",
    "system_calendar",
]
