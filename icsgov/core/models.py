"""Small abstract bases that give registry models their shared behaviour.

Each concrete model picks the ones it needs: a source citation, a stable slug, a validity period
answering "as at date D", a publication flag that keeps unpublished records off public pages.
"""

import datetime

import pghistory
from django.core.exceptions import ValidationError
from django.db import models

from icsgov.core.dates import DatePrecision, format_date, period_end, today
from icsgov.core.periods import Period, end_not_before_start, in_effect_q, period_errors
from icsgov.core.scoping import Scope, link_system_errors

__all__ = [
    "CheckedModel",
    "DatedQuerySet",
    "PublicDatedQuerySet",
    "PublicQuerySet",
    "PublishableDatedQuerySet",
    "PublishableModel",
    "PublishableQuerySet",
    "SluggedModel",
    "Source",
    "SourceKind",
    "SourcedModel",
    "ValidityPeriod",
    "today",
]


def period_last_day(date, precision, date_end=None):
    """The last day of a (date, precision) period; for a range of months, of its last month."""
    if precision == DatePrecision.MONTH_RANGE and date_end:
        return period_end(date_end, DatePrecision.MONTH)
    return period_end(date, precision)


#: The dates a record may hold: councils of 1889 and the NHS of 1948 fit, year 1 and 9999 do not.
DATE_MIN, DATE_MAX = datetime.date(1800, 1, 1), datetime.date(2100, 12, 31)


def date_range_errors(obj) -> dict:
    """{field: message} for each date of ``obj`` outside DATE_MIN..DATE_MAX."""
    errors = {}
    for field in obj._meta.concrete_fields:
        if field.get_internal_type() != "DateField":
            continue
        value = getattr(obj, field.attname)
        if isinstance(value, datetime.date) and not DATE_MIN <= value <= DATE_MAX:
            errors[field.name] = (
                f"Enter a date between {format_date(DATE_MIN)} and {format_date(DATE_MAX)}."
            )
    return errors


class CheckedModel(models.Model):
    """The checks every registry record shares, declared rather than written out: dates within a
    sane range (:data:`DATE_MIN`..:data:`DATE_MAX`), ``date_periods`` that must not end before they
    start (icsgov.core.periods), and ``same_system_links`` that must point into the record's
    own system (icsgov.core.scoping.link_system_errors). Runs in ``clean()``, so every door that
    calls ``full_clean()`` applies them."""

    date_periods: tuple = ()
    same_system_links: tuple = ()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = date_range_errors(self)
        if errors:
            raise ValidationError(errors)
        errors = period_errors(self, self.date_periods)
        errors |= {
            name: message
            for name, message in link_system_errors(self, self.same_system_links).items()
            if name not in errors
        }
        if errors:
            raise ValidationError(errors)


class SourcedModel(CheckedModel):
    """Where a record came from — a first-class :class:`Source` and the section within it — and
    as of when it is known: the source's date, or the secretariat's last confirmation."""

    # PROTECT: a source cited by records cannot vanish from under them.
    source = models.ForeignKey(
        "core.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The paper, register or record this one was taken from.",
    )
    source_section = models.CharField(
        max_length=500,
        blank=True,
        help_text="Section, paragraph or table of the source, e.g. 'section 5.2'.",
    )
    confirmed_on = models.DateField(
        null=True,
        blank=True,
        help_text="When the secretariat last confirmed the record is still true; blank if never.",
    )

    class Meta:
        abstract = True

    @property
    def known_as_of(self):
        """(date, precision) as of which the record is known: its last confirmation, else its
        source's date. None when neither is known."""
        if self.confirmed_on:
            return self.known_as_of_from(self.confirmed_on, None, None)
        if self.source_id:
            return self.known_as_of_from(None, self.source.date, self.source.date_precision)
        return None

    @staticmethod
    def known_as_of_from(confirmed_on, source_date, source_precision):
        """``known_as_of`` from its columns (the lean list read makes it from a row's values)."""
        if confirmed_on:
            return confirmed_on, DatePrecision.DAY
        if source_date:
            return source_date, source_precision
        return None

    def currency(self, on=None) -> str:
        """As of when the record is known, in words, saying so plainly when it has not been
        confirmed for longer than ``settings.ICSGOV_STALE_AFTER_DAYS`` (default a year)."""
        import datetime

        from django.conf import settings

        if self.confirmed_on:
            return f"Confirmed by the secretariat on {format_date(self.confirmed_on)}."
        known = self.known_as_of
        if known is None:
            return "Not confirmed by the secretariat; the source is undated."
        on = on or today()
        stale_after = datetime.timedelta(days=getattr(settings, "ICSGOV_STALE_AFTER_DAYS", 365))
        when = format_date(known[0], known[1], getattr(self.source, "date_end", None))
        if period_last_day(known[0], known[1], self.source.date_end) + stale_after < on:
            return f"As described in the source, {when}; not confirmed since."
        return f"As described in the source, {when}."


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

    date_periods = (Period("start_date", "end_date", "start_precision", "end_precision"),)

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


class SourceKind(models.TextChoices):
    BOARD_PAPER = "board_paper", "Board or committee paper"
    REPORT = "report", "Report"
    GUIDANCE = "guidance", "Guidance"
    OFFICIAL_REGISTER = "official_register", "Official register or data set"
    SECRETARIAT_RECORD = "secretariat_record", "The secretariat's own record"
    OTHER = "other", "Other"


class SourceQuerySet(PublicQuerySet):
    pass


@pghistory.track()
class Source(SluggedModel, CheckedModel):
    """A document the registry draws on — a board paper, a report, guidance, an official register,
    or a secretariat's own record — cited by the records taken from it (``SourcedModel.source``).

    Sources belong to no system: every system's records may cite one, any secretariat user may
    add one, and only superusers change or remove one (others may be citing it)."""

    slug_source = "title"

    title = models.CharField(max_length=300, help_text="Title, as the document gives it.")
    publisher = models.CharField(
        max_length=250, help_text="Who published or wrote it, e.g. Herefordshire Council."
    )
    kind = models.CharField(
        max_length=30, choices=SourceKind.choices, help_text="Kind of document."
    )
    date = models.DateField(
        null=True,
        blank=True,
        help_text="When it was published or written; for an imprecise date, the first day of its "
        "period, with the precision below.",
    )
    date_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the document's date is known.",
    )
    date_end = models.DateField(
        "end of the range",
        null=True,
        blank=True,
        help_text="For a range of months: the first day of the last month.",
    )
    date_note = models.CharField(
        max_length=300,
        blank=True,
        help_text="How the date was read from the document, e.g. 'written after 7 October 2022'.",
    )
    url = models.URLField(blank=True, help_text="Where the document is published, if it is.")
    file_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="For a paper shipped with the registry: its file in icsgov/seed/papers/.",
    )
    description = models.TextField(blank=True, help_text="What the document is, in a sentence.")
    is_published = models.BooleanField(
        default=True, help_text="Unpublished sources are shown to staff only."
    )

    objects = SourceQuerySet.as_manager()

    system_scope = Scope.shared()
    date_periods = (Period("date", "date_end", "date_precision", "date_precision"),)

    class Meta:
        ordering = ["-date", "title"]
        constraints = [
            end_not_before_start("core_source", "date", "date_end", ("date", "end of the range"))
        ]

    def __str__(self):
        return self.title

    @property
    def when(self) -> str:
        return format_date(self.date, self.date_precision, self.date_end)

    @property
    def citation(self) -> str:
        """Title, publisher, date: how a page cites it."""
        return ", ".join(part for part in (self.title, self.publisher, self.when) if part)
