"""A URL configuration whose views meet a database fault, to see what the handler answers."""

from django.db import OperationalError
from django.urls import path

from icsgov import urls as project


def database_gone(request):
    raise OperationalError("connection to server failed: No such file or directory")


urlpatterns = [
    path("fault/", database_gone),
    path("api/v1/fault/", database_gone),
    *project.urlpatterns,
]
handler500 = project.handler500
