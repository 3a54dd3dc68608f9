"""Small abstract bases that give registry models their shared behaviour.

Each concrete model picks the ones it needs: a source citation, a stable slug, a validity period
answering "as at date D", a publication flag that keeps unpublished records off public pages.
"""

from django.core.exceptions import ValidationError
from django.db import models

from icsgov.core.dates import DatePrecision, today
from icsgov.core.periods import Period, in_effect_q, period_errors
from icsgov.core.scoping import link_system_errors

__all__ = [
    "CheckedModel",
    "DatedQuerySet",
    "PublicDatedQuerySet",
    "PublicQuerySet",
    "PublishableDatedQuerySet",
    "PublishableModel",
    "PublishableQuerySet",
    "SluggedModel",
    "SourcedModel",
    "ValidityPeriod",
    "today",
]


class CheckedModel(models.Model):
    """The checks every registry record shares, declared rather than written out: ``periods``
    that must not end before they start (icsgov.core.periods), and ``same_system_links`` that
    must point into the record's own system (icsgov.core.scoping.link_system_errors). Runs in
    ``clean()``, so every door that calls ``full_clean()`` applies them."""

    periods: tuple = ()
    same_system_links: tuple = ()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = period_errors(self, self.periods)
        errors |= {
            name: message
            for name, message in link_system_errors(self, self.same_system_links).items()
            if name not in errors
        }
        if errors:
            raise ValidationError(errors)


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
        from django.utils.text import slugify

        base = slugify(str(getattr(self, self.slug_source) or ""))[: self.slug_max_length - 6]
        base = base or self._meta.model_name
        slug, n = base, 2
        model = type(self)._default_manager
        while model.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug


class PublicQuerySet(models.QuerySet):
    """``public()``: what anyone may see, by the rule the model's app registered with
    :mod:`icsgov.core.visibility`. The pages, the API and search all apply that one rule."""

    def public(self):
        from icsgov.core import visibility

        return visibility.visible(self, None)


class PublishableQuerySet(PublicQuerySet):
    def published(self):
        """Marked for publication (the flag alone; ``public()`` is the whole rule)."""
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

    def as_at(self, date):
        """Records in effect on ``date``: started on or before it and ending on or after it."""
        return self.filter(in_effect_q(date, self.start_field, self.end_field))

    def current(self):
        return self.as_at(today())

    def ended_before(self, date):
        return self.filter(**{f"{self.end_field}__lt": date})

    def starting_after(self, date):
        return self.filter(**{f"{self.start_field}__gt": date})


class PublicDatedQuerySet(DatedQuerySet, PublicQuerySet):
    pass


class PublishableDatedQuerySet(DatedQuerySet, PublishableQuerySet):
    pass


class ValidityPeriod(CheckedModel):
    """A start and an optional end, both inclusive, each with the precision the paper gave."""

    periods = (Period("start_date", "end_date", "start_precision", "end_precision"),)

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
