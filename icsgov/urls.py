from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from icsgov import views

admin.site.site_header = "ICS governance registry"
admin.site.site_title = "ICS governance registry"
admin.site.index_title = "Secretariat"

urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    path("api/v1/", include("icsgov.api.urls")),
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("", include("places.urls")),
    path("", include("partnerships.urls")),
    path("", include("strategy.urls")),
]

handler404 = "icsgov.views.page_not_found"
handler500 = "icsgov.views.server_error"
