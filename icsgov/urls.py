from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

admin.site.site_header = "ICS governance registry"
admin.site.site_title = "ICS governance registry"
admin.site.index_title = "Secretariat"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("icsgov.api.urls")),
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
]
