"""The top floor's public pages: home, search, the national index of systems, a system and a
place (they read across the apps), the accessibility statement and the error pages."""

from .geography import place_detail, system_detail, system_index
from .home import accessibility, home, page_not_found, server_error
from .search import search
from .sources import source_detail, source_list, source_paper

__all__ = [
    "accessibility",
    "home",
    "page_not_found",
    "place_detail",
    "search",
    "server_error",
    "source_detail",
    "source_list",
    "source_paper",
    "system_detail",
    "system_index",
]
