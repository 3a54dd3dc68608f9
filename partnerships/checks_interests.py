"""Compliance checks of the registers of interests, gifts and hospitality (issue #15 check 11;
docs/compliance.md), against NHS England's "Managing conflicts of interest in the NHS":

- ``interests.on-appointment``: a member declares (or makes a nil return) within 28 days of
  taking up an appointment;
- ``interests.annual-review``: each serving member's declarations are reviewed at least yearly;
- ``interests.declared-late``: a new interest is declared within 28 days of arising;
- ``interests.published``: a serving member's declarations reach the published register;
- ``gifts.thresholds``: gifts and hospitality the guidance says are declared, approved or
  accepted only on the organisation's behalf (each alone, and gifts from one source added up).

The day limits and values are configuration (``settings.ICSGOV_CONFLICTS_OF_INTEREST``, read by
``partnerships.rules.interests.thresholds``). A withheld entry always has a reason: the database
refuses one without (a CHECK constraint), so no check is needed for it. The registry holds
every NHS England category as a choice and a nil return covers them all, so no register can
miss a category. On a body whose membership is known only from papers the registry may simply
not hold its register, nor on a body with no declaration recorded at all, so a missing
declaration there is undecidable, never a breach.

Registered in ``PartnershipsConfig.ready()`` (``register_checks``). Each check reads the whole
record and asks about all its systems in a fixed number of queries.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import BooleanField, Case, Value, When
from django.urls import reverse

from icsgov.core.checks import Check, Severity, register
from icsgov.core.dates import format_date, format_when, period_end
from icsgov.core.visibility import public_q, with_public_flag
from partnerships.models import GiftOrHospitality, Interest, Membership
from partnerships.rules import interests as interest_rules
from partnerships.rules.seats import holding_q
from partnerships.visibility import withheld_interest

GUIDANCE = (
    "NHS England, Managing conflicts of interest in the NHS (2017, revised September 2024): "
    "declare on appointment, at least annually and within 28 days of a new interest arising; "
    "publish the interests of decision-making staff."
)
GUIDANCE_URL = "https://www.england.nhs.uk/long-read/managing-conflicts-of-interest-in-the-nhs/"


def _person_page(membership):
    return (
        reverse("partnerships:person", args=[membership.person.slug])
        if membership.is_public_record
        else None
    )


def _serving(systems, date):
    """Appointments taking up a place on ``date`` in ``systems``, with their body."""
    by_system = {system.pk: system for system in systems}
    members = list(
        with_public_flag(Membership.objects.filter(post__board__system__in=by_system))
        .filter(holding_q(date))
        .select_related("person", "post__board")
        .order_by("post__board__name", "person__name", "pk")
    )
    return by_system, members


def _label(m):
    return f"{m.person} — {m.post.label}, {m.post.board}"


def _first_declared(members):
    first = {}
    for membership_id, declared_on in (
        Interest.objects.filter(membership__in=members)
        .order_by("declared_on")
        .values_list("membership_id", "declared_on")
    ):
        first.setdefault(membership_id, declared_on)
    return first


def on_appointment(systems, date):
    limit = interest_rules.thresholds()["DECLARE_WITHIN_DAYS"]
    by_system, members = _serving(systems, date)
    first = _first_declared(members)
    # A body with no declaration at all recorded: the registry does not hold its register.
    kept = set(
        Interest.objects.filter(membership__post__board__in={m.post.board_id for m in members})
        .values_list("membership__post__board_id", flat=True)
        .distinct()
    )
    found = []
    for m in members:
        if m.start_date is None or m.start_date + datetime.timedelta(days=limit) >= date:
            continue  # start not known, or still within the time allowed
        declared = first.get(m.pk)
        deadline = m.start_date + datetime.timedelta(days=limit)
        if declared is not None and declared <= deadline:
            continue
        board = m.post.board
        maintained = board.membership_maintained_on(date) and board.pk in kept
        if declared is None:
            message = (
                f"{m.person} has made no declaration of interests (nor a nil return) to {board} "
                f"since being appointed {format_when(m.start_date, m.start_precision)}: "
                f"declarations are due within {limit} days of appointment."
            )
            if not maintained:
                message += (
                    " The registry holds no register of interests for the body (or its "
                    "membership is known only from papers), so whether one was made cannot "
                    "be told."
                )
        else:
            message = (
                f"{m.person} first declared to {board} on {format_date(declared)}, "
                f"{(declared - m.start_date).days} days after being appointed on "
                f"{format_date(m.start_date)} (due within {limit} days)."
            )
        found.append(
            ON_APPOINTMENT.finding(
                by_system[board.system_id],
                _label(m),
                message,
                link=_person_page(m),
                public=m.is_public_record,
                undecidable=declared is None and not maintained,
            )
        )
    return found


def annual_review(systems, date):
    by_system, members = _serving(systems, date)
    overdue = {}
    for interest in (
        Interest.objects.filter(membership__in=members)
        .review_overdue(date)
        .order_by("membership_id", "review_due")
    ):
        overdue.setdefault(interest.membership_id, interest)
    found = []
    for m in members:
        latest = overdue.get(m.pk)
        if latest is None:
            continue
        board = m.post.board
        found.append(
            ANNUAL_REVIEW.finding(
                by_system[board.system_id],
                _label(m),
                f"{m.person}'s declarations to {board} were due for review on "
                f"{format_date(latest.review_due)}; the latest was made on "
                f"{format_date(latest.declared_on)}.",
                link=_person_page(m),
                public=m.is_public_record,
            )
        )
    return found


def declared_late(systems, date):
    limit = interest_rules.thresholds()["DECLARE_WITHIN_DAYS"]
    by_system, members = _serving(systems, date)
    found = []
    interests = (
        with_public_flag(Interest.objects.filter(membership__in=members, is_nil_return=False))
        .current_on(date)
        .exclude(interest_from=None)
        .select_related("person", "membership__post__board")
        .order_by("person__name", "declared_on", "pk")
    )
    for interest in interests:
        m = interest.membership
        # An imprecise start may have been as late as the end of its period; an interest held
        # before the appointment is due on appointment.
        arose = period_end(interest.interest_from, interest.from_precision)
        if m.start_date and m.start_date > arose:
            arose = m.start_date
        days = (interest.declared_on - arose).days
        if days <= limit:
            continue
        board = m.post.board
        kind = interest.get_interest_type_display()
        found.append(
            DECLARED_LATE.finding(
                by_system[board.system_id],
                f"{interest.person} — {interest.get_interest_type_display()}, {board}",
                f"{interest.person} declared an interest ({kind}) to {board} on "
                f"{format_date(interest.declared_on)}, {days} days after it "
                f"arose or they were appointed ({format_date(arose)}); the limit is {limit} days.",
                link=reverse("partnerships:person", args=[interest.person.slug])
                if interest.is_public_record
                else None,
                public=interest.is_public_record,
            )
        )
    return found


def published(systems, date):
    by_system, members = _serving(systems, date)
    declared, on_register = set(), set()
    on_register_q = public_q(Interest) | withheld_interest()
    for membership_id, public in (
        Interest.objects.filter(membership__in=members)
        .annotate(
            on_register=Case(
                When(on_register_q, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .values_list("membership_id", "on_register")
    ):
        declared.add(membership_id)
        if public:
            on_register.add(membership_id)
    found = []
    for m in members:
        if m.pk not in declared or m.pk in on_register or not m.is_public_record:
            continue
        board = m.post.board
        found.append(
            PUBLISHED.finding(
                by_system[board.system_id],
                _label(m),
                f"{m.person} has declared to {board}, but none of it is on the published "
                "register: publish the entries (or withhold one with its reason).",
                link=_person_page(m),
                public=True,
            )
        )
    return found


def gift_thresholds(systems, date):
    limits = interest_rules.thresholds()
    by_system = {system.pk: system for system in systems}
    since = date - datetime.timedelta(days=limits["CUMULATIVE_DAYS"])
    entries = list(
        with_public_flag(
            GiftOrHospitality.objects.filter(
                membership__post__board__system__in=by_system, date__gt=since, date__lte=date
            )
        )
        .select_related("person", "membership__post__board", "giver_organisation")
        .order_by("date", "pk")
    )
    totals = defaultdict(Decimal)
    for gift in entries:
        if gift.outcome == "accepted" and gift.kind == "gift" and gift.value_gbp is not None:
            totals[_source_key(gift)] += gift.value_gbp
    declare_from = Decimal(str(limits["HOSPITALITY_DECLARE_FROM"]))
    found = []
    for gift in entries:
        findings = interest_rules.gift_findings(
            gift, totals.get(_source_key(gift)) if gift.kind == "gift" else None
        )
        if (
            gift.kind == "hospitality"
            and gift.outcome == "accepted"
            and gift.value_gbp is not None
            and gift.value_gbp >= declare_from
            and gift.declared_on is None
        ):
            findings.append(
                f"hospitality worth {interest_rules.gbp(gift.value_gbp)} accepted with no date "
                f"declared (declared from {interest_rules.gbp(declare_from)})"
            )
        board = gift.membership.post.board
        for text in findings:
            found.append(
                GIFT_THRESHOLDS.finding(
                    by_system[board.system_id],
                    f"{gift.person} — {gift.get_kind_display()} from {gift.giver}, "
                    f"{format_date(gift.date, gift.date_precision)}",
                    f"{gift.person}, {board}: {text}.",
                    link=reverse("partnerships:board_register", args=[board.slug])
                    if gift.is_public_record
                    else None,
                    public=gift.is_public_record,
                    undecidable=text.startswith("accepted, value not recorded"),
                )
            )
    return found


def _source_key(gift):
    return (gift.person_id, gift.giver_organisation_id or (gift.giver_name or "").strip().lower())


ON_APPOINTMENT = Check(
    id="interests.on-appointment",
    severity=Severity.WARNING,
    title="Members without a declaration of interests (or nil return) within 28 days of "
    "appointment",
    source=GUIDANCE,
    source_url=GUIDANCE_URL,
    run=on_appointment,
    needs="Appointments' start dates and declarations' dates. Undecidable when the registry "
    "holds no declaration at all for the body (it does not keep its register) or its "
    "membership is known only from papers; an appointment with no start date is not checked.",
)
ANNUAL_REVIEW = Check(
    id="interests.annual-review",
    severity=Severity.WARNING,
    title="Serving members whose declarations are overdue for their (at least yearly) review",
    source=GUIDANCE,
    source_url=GUIDANCE_URL,
    run=annual_review,
    needs="Declarations' dates and review dates (default a year after declared, "
    "ICSGOV_CONFLICTS_OF_INTEREST['REVIEW_EVERY_DAYS']).",
)
DECLARED_LATE = Check(
    id="interests.declared-late",
    severity=Severity.WARNING,
    title="Interests declared more than 28 days after they arose (or after appointment)",
    source=GUIDANCE,
    source_url=GUIDANCE_URL,
    run=declared_late,
    needs="When each interest arose and when it was declared; an interest whose start is not "
    "recorded is not checked, and an imprecise start counts from the end of its period.",
)
PUBLISHED = Check(
    id="interests.published",
    severity=Severity.WARNING,
    title="Public members whose declarations are not on the published register",
    source=GUIDANCE + " In 2018 only 5% of acute trusts published registers (HSJ).",
    source_url=GUIDANCE_URL,
    run=published,
    needs="Declarations with their publication and withheld flags.",
)
GIFT_THRESHOLDS = Check(
    id="gifts.thresholds",
    severity=Severity.WARNING,
    title="Gifts and hospitality past the guidance's thresholds without approval or "
    "declaration (ICSGOV_CONFLICTS_OF_INTEREST)",
    source="NHS England, Managing conflicts of interest in the NHS (February 2017): gifts of "
    "£50 or more accepted only on the organisation's behalf, gifts from one source added up "
    "over a year, hospitality of £25 or more declared.",
    source_url="https://www.england.nhs.uk/2017/02/coi-guidelines/",
    run=gift_thresholds,
    needs="Gifts and hospitality with kind, outcome, value, giver, declared date and approver "
    "in the year to the date. Undecidable for an accepted entry whose value is not recorded.",
)


def register_checks():
    for each in (ON_APPOINTMENT, ANNUAL_REVIEW, DECLARED_LATE, PUBLISHED, GIFT_THRESHOLDS):
        register(each)
