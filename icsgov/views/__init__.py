"""The top floor's public pages: home, search, the national index of systems, a system and a
place (they read across the apps), the accessibility statement and the error pages."""

from .assets import nhsuk_asset
from .compliance import system_compliance
from .errors import bad_request, page_not_found, permission_denied, server_error, too_large
from .geography import place_detail, system_detail, system_index
from .home import accessibility, home
from .search import search
from .sources import source_detail, source_list, source_paper

__all__ = [
    "accessibility",
    "bad_request",
    "home",
    "nhsuk_asset",
    "page_not_found",
    "permission_denied",
    "place_detail",
    "search",
    "server_error",
    "too_large",
    "source_detail",
    "source_list",
    "source_paper",
    "system_compliance",
    "system_detail",
    "system_index",
]
