"""People who hold or held seats, attend meetings, or are named in the papers."""

import pghistory
from django.db import models

from icsgov.core.models import PublishableModel, PublishableQuerySet, SluggedModel, SourcedModel
from icsgov.core.scoping import Scope


@pghistory.track()
class Person(SluggedModel, SourcedModel, PublishableModel):
    """Someone who holds or held a seat. Contact details are private and never published."""

    name = models.CharField(max_length=200, help_text="Name as it should be shown publicly.")
    honorific = models.CharField(
        max_length=30, blank=True, help_text="Title used before the name, e.g. Dr, Cllr."
    )
    sort_name = models.CharField(
        max_length=200, blank=True, help_text="Name used for sorting, e.g. 'Singh, Priya'."
    )
    email = models.EmailField(
        blank=True, help_text="Private: contact email for the secretariat. Never published."
    )
    phone = models.CharField(
        max_length=40, blank=True, help_text="Private: contact telephone. Never published."
    )
    biography = models.TextField(blank=True, help_text="Short public biography.")
    # SET_NULL: the person's record outlives a system's reorganisation.
    system = models.ForeignKey(
        "places.System",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people_added",
        verbose_name="added in system",
        help_text="System whose secretariat added the person and keeps their record while they "
        "hold no seat there. Blank for people added nationally.",
    )

    is_published = models.BooleanField(
        "published",
        default=False,
        help_text="A new person starts unpublished, seen by the secretariat only, until someone "
        "publishes them; their public appointments are then shown on the public pages.",
    )

    objects = PublishableQuerySet.as_manager()

    #: A person belongs to the system they were added in and to every system where they hold,
    #: held or attended anything; that system's secretariat keep their record.
    system_scope = Scope(
        "system",
        "memberships__post__board__system",
        "attendance__meeting__board__system",
        "deputised_attendance__meeting__board__system",
        citable=True,
    )
    #: Contact details: shown only to those who may change the record (icsgov.core.visibility),
    #: never to a public page, an anonymous client or a viewer.
    private_fields = ("email", "phone")

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name_plural = "people"

    def __str__(self):
        return f"{self.honorific} {self.name}".strip()
