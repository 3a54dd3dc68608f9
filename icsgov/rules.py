"""Object-level permissions for registry models, as ``rules`` predicates.

``user.has_perm("partnerships.change_membership", membership)`` asks these (through
``rules.permissions.ObjectPermissionBackend``), so the admin, and any other door that checks
Django permissions (e.g. DRF's ``DjangoObjectPermissions``), apply the same rule. The rule itself
lives in :mod:`icsgov.access`.
"""

import rules

from icsgov import access


@rules.predicate
def can_view(user, obj=None):
    return access.can(user, access.VIEW, obj)


@rules.predicate
def can_change(user, obj=None):
    return access.can(user, access.CHANGE, obj)


def register():
    labels = [*access.SYSTEM_PATHS, "partnerships.person"]
    for label in labels:
        app_label, model_name = label.split(".")
        rules.set_perm(f"{app_label}.view_{model_name}", can_view | can_change)
        for action in ("add", "change", "delete"):
            rules.set_perm(f"{app_label}.{action}_{model_name}", can_change)
    # Systems themselves are created and removed by superusers only.
    rules.set_perm("places.add_system", rules.is_superuser)
    rules.set_perm("places.delete_system", rules.is_superuser)
    for app_label in ("places", "partnerships", "strategy"):
        # Module permission: the app appears on the admin index for anyone with a role.
        rules.set_perm(app_label, can_view)
