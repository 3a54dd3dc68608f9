import pghistory
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import RangeOperators
from django.db import models, transaction
from django.db.models import Case, Count, F, Q, Value, When
from django.db.models.functions import Greatest

from icsgov.models import (
    PublishableDatedQuerySet,
    PublishableModel,
    PublishableQuerySet,
    SluggedModel,
    SourcedModel,
    ValidityPeriod,
    end_after_start_constraint,
    inclusive_range,
)
from partnerships.choices import MembershipKind, Role, Sector
from partnerships.models.boards import Board


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

    objects = PublishableQuerySet.as_manager()

    #: Fields that must never reach a public page or an anonymous API client.
    PRIVATE_FIELDS = ("email", "phone")

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name_plural = "people"

    def __str__(self):
        return f"{self.honorific} {self.name}".strip()


class PostQuerySet(PublishableDatedQuerySet):
    def chairing(self):
        return self.filter(role__in=Role.chairing())

    def with_filled_on(self, date):
        """Annotate ``filled`` (appointed members on ``date``; substitutes and deputies take no
        place) and ``vacancies`` (empty places; None when the papers give no number), in one
        query however many seats there are."""
        in_effect = (
            Q(memberships__kind=MembershipKind.MEMBER)
            & Q(memberships__start_date__lte=date)
            & (Q(memberships__end_date__isnull=True) | Q(memberships__end_date__gte=date))
        )
        filled = Count("memberships", filter=in_effect)
        return self.annotate(
            filled=filled,
            vacancies=Case(
                When(places__isnull=True, then=Value(None)),
                default=Greatest(F("places") - filled, Value(0)),
                output_field=models.IntegerField(null=True),
            ),
        )


@pghistory.track()
class Post(SluggedModel, SourcedModel, PublishableModel, ValidityPeriod):
    """A seat on a body as its terms of reference define it, e.g. '4 x county and unitary local
    authority representatives'. A seat exists whether or not anyone holds it."""

    slug_source = "slug_basis"

    # PROTECT: seats carry appointment history; end a seat with an end date instead.
    board = models.ForeignKey(
        "partnerships.Board",
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

    class Meta:
        ordering = ["board__name", "order", "label"]
        constraints = [
            end_after_start_constraint("partnerships_post"),
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
        from partnerships.services import check_seat_capacity

        super().clean()
        check_seat_capacity(self)

    @property
    def is_chairing(self) -> bool:
        return self.role in Role.chairing()

    def holders_on(self, date):
        return self.memberships.filter(kind=MembershipKind.MEMBER).as_at(date)

    def filled_on(self, date) -> int:
        return self.holders_on(date).count()

    def vacancies_on(self, date) -> int | None:
        """Empty places on ``date``; None when the papers do not say how many places."""
        if self.places is None:
            return None
        return max(self.places - self.filled_on(date), 0)


class MembershipQuerySet(PublishableDatedQuerySet):
    def overlapping(self, start, end):
        """Appointments whose period shares at least one day with [start, end]."""
        qs = self.filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
        if end is not None:
            qs = qs.filter(Q(start_date__isnull=True) | Q(start_date__lte=end))
        return qs

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

    class Meta:
        # "Appointment" is the secretariat's word; Popolo's (and the API's) is membership.
        verbose_name = "appointment"
        ordering = ["post__board__name", "post__order", "start_date"]
        constraints = [
            end_after_start_constraint("partnerships_membership"),
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
        return self.post.voting if self.voting is None else self.voting

    def clean(self):
        from partnerships.services import check_membership_rules

        super().clean()
        check_membership_rules(self)

    def save(self, *args, **kwargs):
        from partnerships.services import check_membership_rules

        # The counting rules are re-checked under a lock on the seat, so two secretariat users
        # saving at once cannot both take its last place.
        with transaction.atomic():
            # The body too: the one-chair rule counts across all of its chair seats.
            board_ids = list(
                Post.objects.select_for_update(of=("self",))
                .filter(pk=self.post_id)
                .values_list("board_id", flat=True)
            )
            list(
                Board.objects.select_for_update(of=("self",))
                .filter(pk__in=board_ids)
                .values_list("pk", flat=True)
            )
            check_membership_rules(self)
            super().save(*args, **kwargs)
