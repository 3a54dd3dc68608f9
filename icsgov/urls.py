from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from icsgov import admin as registry_admin
from icsgov import health, views

admin.site.site_header = "ICS governance registry"
admin.site.site_title = "ICS governance registry"
admin.site.index_title = "Secretariat"
admin.site.index_template = "admin/icsgov/index.html"

urlpatterns = [
    # For load balancers (icsgov/health.py).
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    # The admin's index lists the user's systems' start pages (the secretariat's tasks).
    path(settings.ADMIN_PATH, admin.site.admin_view(registry_admin.index), name="admin-index"),
    path(
        f"{settings.ADMIN_PATH}start/<slug:slug>/",
        admin.site.admin_view(registry_admin.start_page),
        name="admin-start",
    ),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("api/v1/", include("icsgov.api.urls")),
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("systems/", views.system_index, name="systems"),
    path("systems/<slug:slug>/", views.system_detail, name="system"),
    path("systems/<slug:slug>/duties/", views.system_compliance, name="system_compliance"),
    path("places/<slug:slug>/", views.place_detail, name="place"),
    path("sources/", views.source_list, name="sources"),
    path("sources/<slug:slug>/", views.source_detail, name="source"),
    path("assets/<path:path>", views.nhsuk_asset, name="nhsuk_asset"),
    path("sources/<slug:slug>/paper.txt", views.source_paper, name="source_paper"),
    path("", include("partnerships.urls")),
    path("", include("strategy.urls")),
]

handler400 = "icsgov.views.bad_request"
handler403 = "icsgov.views.permission_denied"
handler404 = "icsgov.views.page_not_found"
# A 503 when the database is away, else icsgov.views.server_error's 500 page.
handler500 = "icsgov.health.server_error"
