"""The project's own models: roles (icsgov.access), the changes list's model and the changes
feed's keys."""

from django.db import models
from pghistory.models import Context, Events

from icsgov.access import AccessRole, SystemAccess

__all__ = ["AccessRole", "Change", "ChangeKey", "SystemAccess"]


class Change(Events):
    """A change to a registry record, as the admin's history list shows it (pghistory's events
    under the secretariat's word)."""

    class Meta:
        proxy = True
        verbose_name = "change"
        verbose_name_plural = "changes"


class ChangeKey(models.Model):
    """One history event's key, in one table for every event table: what the changes feed
    orders, filters and pages by (for every viewer) before it reads the page's events whole
    (icsgov.change_keys; docs/performance.md, "The changes feed's keys"). Written only by
    database triggers on the event tables — a row for each event added, gone with its event —
    never by Django. The columns are named as django-pghistory's ``Events`` names them, so the
    feed's filters read both alike. Derived data: not in the registry's export (its import
    makes the keys again as it loads the events)."""

    #: The event's key, as ``Events.pgh_slug``: "app.ModelEvent:pgh_id".
    pgh_slug = models.TextField(primary_key=True)
    #: The event model's label ("partnerships.MembershipEvent").
    pgh_model = models.TextField()
    pgh_id = models.BigIntegerField()
    pgh_created_at = models.DateTimeField()
    #: The label of the tracked model ("partnerships.Membership") and the record's id, as text.
    pgh_obj_model = models.TextField()
    pgh_obj_id = models.TextField()
    pgh_label = models.TextField()
    pgh_context = models.ForeignKey(
        Context, null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )

    class Meta:
        db_table = "icsgov_change_key"
        indexes = [
            # The feed's order (newest first, then by key), read from the top.
            models.Index(
                models.F("pgh_created_at").desc(),
                models.F("pgh_slug").desc(),
                name="icsgov_change_key_feed",
            ),
            models.Index(fields=["pgh_obj_model", "pgh_obj_id"], name="icsgov_change_key_obj"),
            # One kind of record's changes in the feed's order (``?model=``), read from the
            # top rather than found among every other kind's on the way down.
            models.Index(
                "pgh_obj_model",
                models.F("pgh_created_at").desc(),
                models.F("pgh_slug").desc(),
                name="icsgov_change_key_model_feed",
            ),
        ]

    def __str__(self):
        return self.pgh_slug
