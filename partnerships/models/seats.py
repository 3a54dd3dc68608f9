"""Seats on bodies as their terms of reference define them."""

import pghistory
from django.db import models
from django.db.models import Q

from icsgov.core.models import (
    PublishableDatedQuerySet,
    PublishableModel,
    SluggedModel,
    SourcedModel,
    ValidityPeriod,
)
from icsgov.core.periods import end_not_before_start
from icsgov.core.scoping import Scope
from partnerships.choices import BoardOffice, Role, Sector
from partnerships.rules import seats as seat_rules


class PostQuerySet(PublishableDatedQuerySet):
    def chairing(self):
        return self.filter(role__in=Role.chairing())

    def with_counts(self, date, viewer=None):
        """Annotate ``filled``, ``maintained``, ``vacancies`` and ``not_recorded`` on ``date``
        as ``viewer`` may see them (partnerships.rules.seats): the one count the pages, the API
        and the admin show."""
        return seat_rules.with_counts(self, date, viewer)

    def with_vacancies(self, date, viewer=None):
        """Seats in effect on ``date`` with places known to be empty (partnerships.rules.seats)."""
        return self.as_at(date).with_counts(date, viewer).filter(vacancies__gt=0)

    def holder_not_recorded(self, date, viewer=None):
        """Seats in effect on ``date`` on bodies known only from papers, with places no recorded
        appointment fills."""
        return self.as_at(date).with_counts(date, viewer).filter(not_recorded__gt=0)


@pghistory.track()
class Post(SluggedModel, SourcedModel, PublishableModel, ValidityPeriod):
    """A seat on a body as its terms of reference define it, e.g. '4 x county and unitary local
    authority representatives'. A seat exists whether or not anyone holds it."""

    slug_source = "slug_basis"

    # PROTECT: seats carry appointment history; end a seat with an end date instead.
    board = models.ForeignKey(
        "partnerships.Board",
        verbose_name="body",
        on_delete=models.PROTECT,
        related_name="posts",
        help_text="Body the seat is on.",
    )
    label = models.CharField(max_length=250, help_text="The seat as the papers name it.")
    role = models.CharField(
        max_length=30, choices=Role.choices, default=Role.MEMBER, help_text="Role of the seat."
    )
    places = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        default=1,
        help_text="How many people the seat holds at once (e.g. 4 for '4 x ...'); blank when "
        "the papers do not say, in which case no limit is enforced.",
    )
    office = models.CharField(
        "ICB board office",
        max_length=30,
        choices=BoardOffice.choices,
        blank=True,
        help_text="On an ICB board: the office the seat fills under the ICB's constitution "
        "(blank when not recorded). The board's composition check reads it.",
    )
    nominating_organisation = models.ForeignKey(
        "partnerships.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominated_posts",
        help_text="Organisation that nominates to the seat, if one does.",
    )
    nominating_sector = models.CharField(
        max_length=30,
        choices=Sector.choices,
        blank=True,
        help_text="Sector the seat represents, when not a single organisation.",
    )
    voting = models.BooleanField(
        null=True, blank=True, help_text="Whether holders vote; blank if the papers do not say."
    )
    statutory = models.BooleanField(
        default=False, help_text="Whether the seat is required by statute."
    )
    phase = models.CharField(
        max_length=120,
        blank=True,
        help_text="Membership phase that added the seat, e.g. 'full membership (by April 2023)'.",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Position in the terms of reference's list of seats."
    )
    notes = models.TextField(blank=True, help_text="Anything else the papers say about the seat.")

    objects = PostQuerySet.as_manager()

    #: Public records are ended or withdrawn, not deleted, except by superusers
    #: (icsgov.core.scoping.may_delete); what to do instead:
    withdraw_instead = "Seats are ended, not deleted: give the seat its end date."
    system_scope = Scope("board__system")

    class Meta:
        verbose_name = "seat"
        ordering = ["board__name", "order", "label"]
        constraints = [
            end_not_before_start("partnerships_post"),
            models.CheckConstraint(
                condition=Q(places__isnull=True) | Q(places__gte=1),
                name="partnerships_post_at_least_one_place",
                violation_error_message="A seat holds at least one person.",
            ),
        ]

    def __str__(self):
        return f"{self.label} ({self.board})"

    @property
    def slug_basis(self):
        return f"{self.board.slug} {self.label}" if self.board_id else self.label

    def clean(self):
        super().clean()
        seat_rules.check_seat(self)

    @property
    def is_chairing(self) -> bool:
        return self.role in Role.chairing()

    def holders_on(self, date):
        """The appointments taking up a place on ``date`` (partnerships.rules.seats)."""
        return self.memberships.filter(seat_rules.holding_q(date))

    def filled_on(self, date) -> int:
        return self.holders_on(date).count()

    def vacancies_on(self, date) -> int | None:
        """Empty places on ``date`` known to be empty; None when the papers do not say how many
        places, or when the body's membership is known only from papers (not recorded)."""
        maintained = self.board.membership_maintained_on(date)
        return seat_rules.vacancies(self.places, self.filled_on(date), maintained)
