from django.urls import path

from places import views

app_name = "places"

urlpatterns = [
    path("systems/<slug:slug>/", views.system_detail, name="system"),
    path("places/<slug:slug>/", views.place_detail, name="place"),
]
