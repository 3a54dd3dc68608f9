"""Breadcrumbs the app's pages share."""

from django.urls import reverse

HOME = {"href": "/", "text": "Home"}


def system_crumb(system):
    return {"href": reverse("system", args=[system.slug]), "text": system.name}
