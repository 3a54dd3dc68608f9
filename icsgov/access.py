"""Roles: which staff user holds which role on which system.

A user's roles are ``SystemAccess`` rows — *secretariat* (add, change, end, import) or *viewer*
(read only) of one system each. The scoping engine (icsgov.core.scoping) asks
:func:`roles_of` for them (registered in ``IcsgovConfig.ready()``); the rule "secretariat staff
of one ICS edit that ICS only" is applied there, the same for every door.
"""

import pghistory
from django.conf import settings
from django.db import models


class AccessRole(models.TextChoices):
    SECRETARIAT = "secretariat", "Secretariat (add, change, end, import)"
    VIEWER = "viewer", "Viewer (read only)"


@pghistory.track()
class SystemAccess(models.Model):
    """A user's role on one system. A user may hold roles on several systems."""

    # CASCADE: a role means nothing without its user or its system.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="system_access",
        help_text="Staff user who holds the role.",
    )
    system = models.ForeignKey(
        "places.System",
        on_delete=models.CASCADE,
        related_name="access",
        help_text="System the role applies to.",
    )
    role = models.CharField(
        max_length=20,
        choices=AccessRole.choices,
        help_text="Secretariat staff add, change, end and import within the system; viewers "
        "read only.",
    )
    granted_at = models.DateTimeField(auto_now_add=True, help_text="When the role was granted.")

    class Meta:
        app_label = "icsgov"
        verbose_name = "system access"
        verbose_name_plural = "system access"
        ordering = ["user__username", "system__name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "system"], name="icsgov_access_one_role")
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} of {self.system}"


def roles_of(user):
    """(system id, may change) for each role ``user`` holds: the scoping engine's role source."""
    return [
        (system_id, role == AccessRole.SECRETARIAT)
        for system_id, role in SystemAccess.objects.filter(user=user).values_list(
            "system_id", "role"
        )
    ]
