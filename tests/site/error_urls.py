"""A URL configuration with a view that fails, to see the real 500 page."""

from django.urls import path

from icsgov import urls as project


def broken(request):
    raise RuntimeError("a fault in a view")


urlpatterns = [path("broken/", broken), *project.urlpatterns]
handler500 = project.handler500
