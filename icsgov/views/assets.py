"""The NHS.UK frontend's own images, at the address its stylesheet asks for.

The frontend's compiled CSS refers to its icons at the root, ``url(/assets/images/…)`` (the
default ``$nhsuk-assets-path`` of its Sass), while its files are collected under
``static/nhsuk/assets/``. Rather than compile the Sass ourselves, ``/assets/<path>`` redirects to
the collected (hashed, long-cached) file, and answers 404 for anything the frontend does not ship.
"""

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import Http404
from django.shortcuts import redirect
from django.templatetags.static import static
from django.views.decorators.cache import cache_control

#: What the frontend keeps under its assets folder; nothing else is looked up.
FOLDERS = ("images/", "icons/", "fonts/", "logos/", "favicons/")


@cache_control(public=True, max_age=86400)
def nhsuk_asset(request, path):
    name = f"nhsuk/assets/{path}"
    if not path.startswith(FOLDERS) or ".." in path or not _shipped(name):
        raise Http404("No such NHS.UK frontend asset.")
    try:
        return redirect(static(name), permanent=True)
    except ValueError:  # a manifest without the file (collectstatic not rerun): not found
        raise Http404("No such NHS.UK frontend asset.") from None


def _shipped(name):
    """In the collected files (production) or, before collecting, in the frontend's package."""
    return staticfiles_storage.exists(name) or finders.find(name) is not None
