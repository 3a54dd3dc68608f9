"""Who may write through the API: the admin's per-system roles (icsgov.core.scoping), unchanged.

Reads are open (``icsgov.core.visibility`` decides what each client sees). A write needs a signed-in
(token or session) staff user with a secretariat role; the record written must be in one of
their systems before the write (checked here) and after it (checked by
``WritableRegistryViewSet`` inside the transaction, so moving a record into another system is
refused too).
"""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from icsgov.core import scoping


class RegistryWritePermission(BasePermission):
    message = (
        "You may not change this: writes need a secretariat role on the record's system "
        "(viewers read only)."
    )
    #: Every read (a safe method) of a record the viewer may see is allowed: a detail read
    #: without the record's instance need not ask ``has_object_permission``
    #: (icsgov.core.api.views.RegistryViewSet.retrieve).
    reads_open = True

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        return scoping.can(request.user, scoping.CHANGE)

    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_METHODS:
            return True
        return scoping.can(request.user, scoping.CHANGE, obj)
