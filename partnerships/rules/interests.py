"""Registers of interests, gifts and hospitality: NHS England's "Managing conflicts of interest
in the NHS" as rules every door applies (the models' ``clean()`` calls them).

The thresholds are configuration, ``settings.ICSGOV_CONFLICTS_OF_INTEREST``, whose defaults
(icsgov/settings.py) are the guidance's figures; :func:`thresholds` reads them, so a test or an
organisation with a stricter policy overrides one key and keeps the rest.

What the database can hold on its own (a nil return with no content, a withheld entry with a
reason, a value that is not negative) is also a CHECK constraint; the messages here are the
same refusals in words a secretariat can act on.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError

from icsgov.core.dates import format_date, today

DEFAULTS = {
    "SUPPLIER_GIFT_LIMIT": 6,
    "GIFT_DECLARE_FROM": 50,
    "CUMULATIVE_DAYS": 365,
    "HOSPITALITY_DECLARE_FROM": 25,
    "HOSPITALITY_REFUSE_OVER": 75,
    "DECLARE_WITHIN_DAYS": 28,
    "REVIEW_EVERY_DAYS": 365,
}


def thresholds() -> dict:
    """The configured thresholds, each key falling back to NHS England's default."""
    configured = getattr(settings, "ICSGOV_CONFLICTS_OF_INTEREST", {}) or {}
    return {**DEFAULTS, **configured}


def gbp(value) -> str:
    value = Decimal(str(value))
    return f"£{value:,.2f}".replace(".00", "") if value == value.to_integral() else f"£{value:,.2f}"


# -- declarations of interest ------------------------------------------------------------------


def review_due(declared_on, review_by=None):
    """When a declaration is next reviewed: the date given, else a review period after it was
    declared (at least yearly, by the guidance)."""
    if review_by:
        return review_by
    if declared_on is None:
        return None
    return declared_on + datetime.timedelta(days=thresholds()["REVIEW_EVERY_DAYS"])


def declared_late(interest) -> int | None:
    """Days past the deadline a new interest was declared (None when in time or not known)."""
    if interest.is_nil_return or not interest.interest_from or not interest.declared_on:
        return None
    limit = thresholds()["DECLARE_WITHIN_DAYS"]
    late = (interest.declared_on - interest.interest_from).days - limit
    return late if late > 0 else None


def check_interest(interest):
    errors = {}
    if interest.is_nil_return:
        for field, words in (
            ("category", "a category"),
            ("interest_type", "a type"),
            ("description", "a description"),
        ):
            if getattr(interest, field):
                errors[field] = (
                    f"A nil return declares no interests, so it has no {words.split(' ', 1)[1]}: "
                    "clear it, or untick 'nil return' to declare an interest."
                )
        if interest.organisation_id or interest.organisation_name:
            errors["organisation"] = (
                "A nil return declares no interests, so it names no organisation."
            )
        if interest.is_withheld:
            errors["is_withheld"] = "A nil return has nothing to withhold."
    else:
        if not interest.category:
            errors["category"] = "Choose the category of the interest, or tick 'nil return'."
        if not interest.interest_type:
            errors["interest_type"] = "Choose the type of interest, or tick 'nil return'."
        if not (interest.description or "").strip():
            errors["description"] = "Describe the interest, or tick 'nil return'."
    if interest.organisation_id and interest.organisation_name:
        errors["organisation_name"] = (
            "Choose the organisation from the list or type its name, not both."
        )
    if interest.is_withheld and not interest.withheld_reason:
        errors["withheld_reason"] = (
            "Give the reason the entry is withheld from the published register (an overriding "
            "privacy interest, a legal requirement or a risk to someone's safety)."
        )
    if interest.withheld_reason and not interest.is_withheld:
        errors["withheld_reason"] = "A reason for withholding is given only for a withheld entry."
    if interest.declared_on and interest.declared_on > today():
        errors["declared_on"] = (
            f"The date declared ({format_date(interest.declared_on)}) cannot be in the future."
        )
    membership = interest.membership if interest.membership_id else None
    if membership is not None and interest.person_id and membership.person_id != interest.person_id:
        errors["membership"] = (
            f"That appointment is {membership.person}'s: choose one of the declaring person's "
            "appointments."
        )
    if errors:
        raise ValidationError(errors)


# -- gifts and hospitality ---------------------------------------------------------------------


def check_gift(gift):
    """Refuse what the guidance says must not be accepted without approval: a supplier's gift
    at or over the low-value limit, and hospitality over the refusal limit."""
    from partnerships.choices import GiftKind, GiftOutcome

    errors = {}
    limits = thresholds()
    if not gift.giver_organisation_id and not (gift.giver_name or "").strip():
        errors["giver_name"] = "Say who offered it: choose the organisation or type the name."
    if gift.giver_organisation_id and (gift.giver_name or "").strip():
        errors["giver_name"] = "Choose the organisation from the list or type its name, not both."
    if gift.approved_on and not (gift.approved_by or "").strip():
        errors["approved_by"] = "Say who approved it, as well as when."
    if gift.value_gbp is not None and gift.value_gbp < 0:
        errors["value_gbp"] = "The estimated value cannot be negative."
    if gift.person_id and gift.membership_id and gift.membership.person_id != gift.person_id:
        errors["membership"] = (
            f"That appointment is {gift.membership.person}'s: choose one of the person's "
            "appointments."
        )
    accepted = gift.outcome == GiftOutcome.ACCEPTED
    approved = bool((gift.approved_by or "").strip())
    value = gift.value_gbp
    if accepted and not approved and value is not None:
        supplier_limit = Decimal(str(limits["SUPPLIER_GIFT_LIMIT"]))
        refuse_over = Decimal(str(limits["HOSPITALITY_REFUSE_OVER"]))
        if gift.kind == GiftKind.GIFT and gift.is_from_supplier and value >= supplier_limit:
            errors["outcome"] = (
                f"Gifts from suppliers or contractors worth {gbp(supplier_limit)} or more are "
                f"declined under NHS England's conflicts of interest guidance (this one is "
                f"{gbp(value)}): record it as declined, or name who approved accepting it."
            )
        elif gift.kind == GiftKind.HOSPITALITY and value > refuse_over:
            errors["outcome"] = (
                f"Hospitality worth over {gbp(refuse_over)} is refused unless senior staff "
                f"approve it, under NHS England's conflicts of interest guidance (this is "
                f"{gbp(value)}): record it as declined, or name who approved it."
            )
    if gift.declared_on and gift.date and gift.declared_on < gift.date:
        errors["declared_on"] = (
            f"It cannot be declared ({format_date(gift.declared_on)}) before it was offered "
            f"({format_date(gift.date)})."
        )
    if errors:
        raise ValidationError(errors)


def gift_findings(gift, from_same_source_in_year=None) -> list[str]:
    """What the register should say about an entry the rules let through: accepted in a
    personal capacity at or over the declaration limit, value not known, or gifts from one
    source adding up past the limit (``from_same_source_in_year``: their total value)."""
    from partnerships.choices import GiftKind, GiftOutcome

    limits = thresholds()
    findings = []
    if gift.outcome != GiftOutcome.ACCEPTED:
        return findings
    if gift.value_gbp is None:
        findings.append("accepted, value not recorded")
        return findings
    declare_from = Decimal(str(limits["GIFT_DECLARE_FROM"]))
    if gift.kind == GiftKind.GIFT and gift.value_gbp >= declare_from and not gift.approved_by:
        findings.append(
            f"a gift worth {gbp(gift.value_gbp)} (limit {gbp(declare_from)}) accepted without "
            "approval: gifts at or over the limit are accepted only on behalf of the organisation"
        )
    if (
        from_same_source_in_year is not None
        and gift.kind == GiftKind.GIFT
        and gift.value_gbp < declare_from <= from_same_source_in_year
    ):
        findings.append(
            f"gifts from the same source add up to {gbp(from_same_source_in_year)} in a year "
            f"(limit {gbp(declare_from)})"
        )
    return findings


# -- declarations at meetings ------------------------------------------------------------------


def check_meeting_declaration(declaration):
    errors = {}
    interest = declaration.interest if declaration.interest_id else None
    if (
        interest is not None
        and declaration.person_id
        and interest.person_id != declaration.person_id
    ):
        errors["interest"] = (
            f"That register entry is {interest.person}'s: choose one of the declaring person's."
        )
    from partnerships.rules.meetings import item_of_other_meeting

    wrong = item_of_other_meeting(declaration)
    if wrong:
        errors["agenda_item"] = wrong
    elif not declaration.agenda_item_id and not (declaration.item_reference or "").strip():
        errors["item_reference"] = (
            "Choose the agenda item, or give it as the minutes number it, e.g. 'item 5'."
        )
    if errors:
        raise ValidationError(errors)
