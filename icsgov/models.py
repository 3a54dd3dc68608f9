"""The project's own models: roles (icsgov.access) and the changes list's model."""

from pghistory.models import Events

from icsgov.access import AccessRole, SystemAccess

__all__ = ["AccessRole", "Change", "SystemAccess"]


class Change(Events):
    """A change to a registry record, as the admin's history list shows it (pghistory's events
    under the secretariat's word)."""

    class Meta:
        proxy = True
        verbose_name = "change"
        verbose_name_plural = "changes"
