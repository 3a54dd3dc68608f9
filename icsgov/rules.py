"""Object-level permissions for registry models, as ``rules`` predicates.

``user.has_perm("partnerships.change_membership", membership)`` asks these (through
``rules.permissions.ObjectPermissionBackend``), so the admin, and any other door that checks
Django permissions, apply the same rule. The rule itself lives in :mod:`icsgov.core.scoping`.
"""

import rules

from icsgov.core import registry, scoping


@rules.predicate
def can_view(user, obj=None):
    return scoping.can(user, scoping.VIEW, obj)


@rules.predicate
def can_change(user, obj=None):
    return scoping.can(user, scoping.CHANGE, obj)


def can_delete_for(model):
    @rules.predicate
    def can_delete(user, obj=None):
        return scoping.may_delete(user, obj, model)

    return can_delete


def register():
    for model in registry.registry_models():
        app_label, model_name = model._meta.app_label, model._meta.model_name
        rules.set_perm(f"{app_label}.view_{model_name}", can_view | can_change)
        for action in ("add", "change"):
            rules.set_perm(f"{app_label}.{action}_{model_name}", can_change)
        rules.set_perm(f"{app_label}.delete_{model_name}", can_delete_for(model))
    # Systems themselves are created and removed by superusers only.
    rules.set_perm("places.add_system", rules.is_superuser)
    rules.set_perm("places.delete_system", rules.is_superuser)
    for config in registry.registry_apps():
        # Module permission: the app appears on the admin index for anyone with a role.
        rules.set_perm(config.label, can_view)
