"""Small abstract bases that give registry models their shared behaviour.

Each concrete model picks the ones it needs: a source citation, a stable slug, a validity period
answering "as at date D", a publication flag that keeps unpublished records off public pages.
"""

import datetime

from django.contrib.postgres.fields import DateRangeField, RangeBoundary
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Func, Q
from django.utils import timezone
from django.utils.text import slugify

from icsgov.dates import DatePrecision


def today() -> datetime.date:
    return timezone.localdate()


class SourcedModel(models.Model):
    """Where a record came from: the paper and the section within it."""

    source_file = models.CharField(
        max_length=200,
        blank=True,
        help_text="The source paper this record was taken from, e.g. 001_ae5cf6ff8dfd3ce3.txt.",
    )
    source_section = models.CharField(
        max_length=500,
        blank=True,
        help_text="Section, paragraph or table of the source paper, e.g. '§5.2'.",
    )

    class Meta:
        abstract = True

    @property
    def source(self) -> str:
        return " ".join(part for part in (self.source_file, self.source_section) if part)


class SluggedModel(models.Model):
    """A stable, unique slug for URLs and API addresses, made from ``slug_source`` if blank."""

    slug_source = "name"
    slug_max_length = 120

    slug = models.SlugField(
        max_length=120,
        unique=True,
        blank=True,
        help_text="Stable identifier used in URLs and the API. Lower case, hyphenated; made "
        "from the name when left blank.",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.make_slug()
        super().save(*args, **kwargs)

    def make_slug(self) -> str:
        base = slugify(str(getattr(self, self.slug_source) or ""))[: self.slug_max_length - 6]
        base = base or self._meta.model_name
        slug, n = base, 2
        model = type(self)._default_manager
        while model.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug


class PublicQuerySet(models.QuerySet):
    """``public()``: what anyone may see, by the model's rule in icsgov.visibility. The rules
    live there once; the public pages, the API and search all apply them."""

    def public(self):
        # Imported here: visibility may import the apps' models, which import this module.
        from icsgov.visibility import public_rule

        return self.filter(public_rule(self.model)())


class PublishableQuerySet(PublicQuerySet):
    def published(self):
        return self.filter(is_published=True)


class PublishableModel(models.Model):
    is_published = models.BooleanField(
        default=True,
        help_text="Unpublished records are visible to secretariat staff only, never publicly.",
    )

    class Meta:
        abstract = True


class DatedQuerySet(models.QuerySet):
    """Answers "as at date D" from start and end dates, never from a stored 'current' flag."""

    start_field = "start_date"
    end_field = "end_date"

    def _started_by(self, date):
        return Q(**{f"{self.start_field}__isnull": True}) | Q(**{f"{self.start_field}__lte": date})

    def _not_ended_by(self, date):
        return Q(**{f"{self.end_field}__isnull": True}) | Q(**{f"{self.end_field}__gte": date})

    def as_at(self, date):
        """Records in effect on ``date``: started on or before it and ending on or after it."""
        return self.filter(self._started_by(date), self._not_ended_by(date))

    def current(self):
        return self.as_at(today())

    def ended_before(self, date):
        return self.filter(**{f"{self.end_field}__lt": date})

    def starting_after(self, date):
        return self.filter(**{f"{self.start_field}__gt": date})


class PublishableDatedQuerySet(DatedQuerySet, PublishableQuerySet):
    pass


def end_after_start_constraint(app_model: str, start="start_date", end="end_date"):
    """A CHECK constraint: the end is on or after the start (both inclusive)."""
    return models.CheckConstraint(
        condition=Q(**{f"{start}__isnull": True})
        | Q(**{f"{end}__isnull": True})
        | Q(**{f"{end}__gte": F(start)}),
        name=f"{app_model}_end_not_before_start",
        violation_error_message="The end date cannot be before the start date.",
    )


class ValidityPeriod(models.Model):
    """A start and an optional end, both inclusive, each with the precision the paper gave."""

    start_date = models.DateField(
        null=True,
        blank=True,
        help_text="First day in effect (inclusive). For an imprecise date, the first day of "
        "its period, with the precision below.",
    )
    start_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the source gives the start date.",
    )
    end_date = models.DateField(
        null=True,
        blank=True,
        help_text="Last day in effect (inclusive). Blank while still in effect.",
    )
    end_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the source gives the end date.",
    )

    objects = DatedQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_in_effect_on(self, date) -> bool:
        return (self.start_date is None or self.start_date <= date) and (
            self.end_date is None or self.end_date >= date
        )

    def state_on(self, date) -> str:
        """'current', 'ended' or 'future' as at ``date``."""
        if self.start_date and self.start_date > date:
            return "future"
        if self.end_date and self.end_date < date:
            return "ended"
        return "current"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {
                    "end_date": f"The end date ({self.end_date:%d %b %Y}) cannot be before the "
                    f"start date ({self.start_date:%d %b %Y})."
                }
            )


class DateRange(Func):
    """``daterange(start, end, '[]')`` for exclusion constraints over inclusive date periods."""

    function = "daterange"
    output_field = DateRangeField()


def inclusive_range(start="start_date", end="end_date"):
    return DateRange(start, end, RangeBoundary(inclusive_lower=True, inclusive_upper=True))


# The one concrete model of this app lives with the scoping rule it feeds.
from icsgov.access import AccessRole, SystemAccess  # noqa: E402, F401
