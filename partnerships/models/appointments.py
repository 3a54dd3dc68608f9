"""Appointments: a person in a seat, on behalf of an organisation, for a period (Popolo's
Membership)."""

import datetime

import pghistory
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import RangeOperators
from django.db import models, transaction
from django.db.models import Q

from icsgov.core.models import (
    PublishableDatedQuerySet,
    PublishableModel,
    SluggedModel,
    SourcedModel,
    ValidityPeriod,
)
from icsgov.core.periods import end_not_before_start, inclusive_range, overlapping_q
from icsgov.core.scoping import Scope
from partnerships.choices import MembershipKind, Role
from partnerships.models.people import Person
from partnerships.models.seats import Post
from partnerships.rules import appointments as appointment_rules


class MembershipQuerySet(PublishableDatedQuerySet):
    def overlapping(self, start, end):
        """Appointments whose period shares at least one day with [start, end]."""
        return self.filter(overlapping_q(start, end))

    def ending_within(self, date, days):
        """Appointments whose term ends between ``date`` and ``days`` days after it."""
        return self.filter(end_date__gte=date, end_date__lte=date + datetime.timedelta(days=days))

    def counting(self):
        """Appointments that take up a place (substitutes and deputies do not)."""
        return self.filter(kind=MembershipKind.MEMBER)

    def for_system(self, system):
        return self.filter(post__board__system=system)

    def on_board(self, board, date):
        """Who sits on ``board`` on ``date``, seat by seat, with what the page shows."""
        return (
            self.filter(post__board=board)
            .as_at(date)
            .select_related("person", "post", "on_behalf_of", "deputy_for__person")
            .order_by("post__order", "post__label", "kind", "person__sort_name", "person__name")
        )

    def cluster_leads(self, place, date):
        """Who leads each cluster of ``place`` on ``date``: the lead seats of cluster boards."""
        return (
            self.filter(post__board__cluster__place=place, post__role=Role.LEAD)
            .as_at(date)
            .select_related("person", "post__board")
            .order_by("person__sort_name", "person__name")
        )

    def of_person(self, person):
        """A person's appointments, latest first, with their seats and bodies."""
        return (
            self.filter(person=person)
            .select_related("post__board__system", "on_behalf_of")
            .order_by("-start_date", "post__board__name")
        )


@pghistory.track()
class Membership(SluggedModel, SourcedModel, PublishableModel, ValidityPeriod):
    """An appointment: a person in a seat, on behalf of an organisation, for a period (Popolo's
    Membership). Ending an appointment is an edit (an end date), never a delete."""

    slug_source = "slug_basis"

    # PROTECT on both: appointments are the public record of who sat where.
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="memberships",
        help_text="Person appointed.",
    )
    post = models.ForeignKey(
        Post,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name="seat",
        help_text="Seat the person is appointed to.",
    )
    on_behalf_of = models.ForeignKey(
        "partnerships.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        help_text="Organisation the person represents in this seat.",
    )
    kind = models.CharField(
        max_length=20,
        choices=MembershipKind.choices,
        default=MembershipKind.MEMBER,
        help_text="Appointed member, or a named substitute or deputy (who take no place).",
    )
    deputy_for = models.ForeignKey(
        "self",
        verbose_name="stands in for",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deputies",
        help_text="For a substitute or deputy: the appointment they stand in for.",
    )
    voting = models.BooleanField(
        null=True,
        blank=True,
        help_text="Overrides the seat's voting status for this appointment; blank to follow it.",
    )
    notes = models.TextField(blank=True, help_text="Anything else about the appointment.")

    objects = MembershipQuerySet.as_manager()

    #: Public records are ended or withdrawn, not deleted, except by superusers
    #: (icsgov.core.scoping.may_delete); what to do instead:
    withdraw_instead = (
        "Appointments are not deleted: the record of who sat where stays. End this one by "
        "setting its end date."
    )
    system_scope = Scope("post__board__system")

    #: Ids of saved appointments being changed in the same submission (the rows of a seat's
    #: page), whose submitted dates the caller checks together
    #: (partnerships.rules.appointments.check_together): :meth:`clean` does not hold their
    #: stored (about to change) dates against this one.
    checked_together = ()
    #: Set when the rows of one submission were checked together under the seat's lock
    #: (partnerships.rules.appointments.save_together), so each row's save does not repeat it.
    saving_together = False

    class Meta:
        # "Appointment" is the secretariat's word; Popolo's (and the API's) is membership.
        verbose_name = "appointment"
        ordering = ["post__board__name", "post__order", "start_date"]
        constraints = [
            end_not_before_start("partnerships_membership"),
            models.CheckConstraint(
                condition=Q(start_date__isnull=False),
                name="partnerships_membership_has_start",
                violation_error_message="An appointment needs a start date.",
            ),
            ExclusionConstraint(
                name="partnerships_membership_no_overlap_same_person_post",
                expressions=[
                    (inclusive_range(), RangeOperators.OVERLAPS),
                    ("person", RangeOperators.EQUAL),
                    ("post", RangeOperators.EQUAL),
                ],
                violation_error_message=(
                    "This person already holds this seat for part of that period."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.post.label}"

    @property
    def slug_basis(self):
        start = self.start_date.isoformat() if self.start_date else ""
        return f"{self.person.slug} {self.post.slug} {start}"

    @property
    def is_voting(self):
        return self.is_voting_from(self.voting, self.post.voting)

    @staticmethod
    def is_voting_from(voting, seat_voting):
        """``is_voting`` from its columns: the appointment's override, else the seat's."""
        return seat_voting if voting is None else voting

    def clean(self):
        super().clean()
        appointment_rules.check_appointment(self)

    def save(self, *args, **kwargs):
        # The counting rules are re-checked under a lock on the seat and its body, so two
        # secretariat users saving at once cannot both take its last place (or both chair).
        with transaction.atomic():
            appointment_rules.lock_seat(self.post_id)
            if not self.saving_together:
                appointment_rules.check_appointment(self)
            super().save(*args, **kwargs)
