"""The published registers of interests, gifts and hospitality: one read model for the pages
(a body's register, the sections on person and body pages) and the CSV and JSON downloads, so
they all show the same public entries and the same count of withheld ones.

Only the public record is read (``public()``), whoever is signed in: a withheld or unpublished
entry never reaches a page or a download. Withheld entries are counted by their reason
(``partnerships.visibility.withheld_interests``), never shown.
"""

from dataclasses import dataclass, field

from django.db.models import Count

from icsgov.core.dates import today
from partnerships.choices import DeclarationOccasion, WithheldReason
from partnerships.models import GiftOrHospitality, Interest
from partnerships.visibility import withheld_interests

#: The licence the published registers are released under, stated on the page and in each
#: download.
LICENCE = {
    "name": "Open Government Licence v3.0",
    "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}
LICENCE_TEXT = f"Published under the {LICENCE['name']} ({LICENCE['url']})."


#: A full declaration — on appointment, at the annual review, on a change of role — restates
#: every interest, so it supersedes the entries declared before it; a new interest adds to it.
RESTATING = {DeclarationOccasion.ON_APPOINTMENT, DeclarationOccasion.ANNUAL_REVIEW,
             DeclarationOccasion.CHANGE_OF_ROLE}  # fmt: skip


def current_entries(interests, on) -> list:
    """Of ``interests`` (in register order), those on the current register on ``on``: for each
    appointment, the entries of its latest full declaration and the new interests declared
    since, less those that ended before ``on``."""
    latest = {}
    for interest in interests:
        if interest.occasion in RESTATING and interest.declared_on <= on:
            held = latest.get(interest.membership_id)
            if held is None or interest.declared_on > held:
                latest[interest.membership_id] = interest.declared_on
    return [
        i
        for i in interests
        if i.declared_on >= latest.get(i.membership_id, i.declared_on)
        and (i.interest_to is None or i.interest_to >= on)
    ]


@dataclass
class Register:
    #: Every published entry, earlier declarations included (the downloads give them all).
    interests: list = field(default_factory=list)
    gifts: list = field(default_factory=list)
    #: [(reason in words, number of entries withheld for it)]
    withheld: list = field(default_factory=list)

    @property
    def withheld_count(self) -> int:
        return sum(count for _, count in self.withheld)

    @property
    def bodies(self) -> list:
        """The bodies the entries are declared to, by name."""
        boards = {i.membership.post.board.pk: i.membership.post.board for i in self.interests}
        return sorted(boards.values(), key=lambda b: b.name)

    @property
    def current(self) -> list:
        """The entries on the current register (:func:`current_entries`) today."""
        return current_entries(self.interests, today())

    @property
    def earlier(self) -> list:
        current = {i.pk for i in self.current}
        return [i for i in self.interests if i.pk not in current]

    @property
    def next_reviews(self) -> list:
        """Each appointment's next review, from its latest published declaration:
        [(appointment, date declared, review due)], soonest first."""
        latest = {}
        for interest in self.interests:
            held = latest.get(interest.membership_id)
            if held is None or interest.declared_on > held.declared_on:
                latest[interest.membership_id] = interest
        rows = [(i.membership, i.declared_on, i.review_due_on) for i in latest.values()]
        return sorted(rows, key=lambda row: (row[2], str(row[0].person)))

    @property
    def is_empty(self) -> bool:
        return not (self.interests or self.gifts or self.withheld)


def _withheld(queryset) -> list:
    counts = (
        withheld_interests(queryset)
        .values("withheld_reason")
        .annotate(n=Count("pk"))
        .order_by("withheld_reason")
    )
    labels = dict(WithheldReason.choices)
    return [
        (labels.get(row["withheld_reason"], row["withheld_reason"]), row["n"]) for row in counts
    ]


def _register(interests, gifts, withheld_from=None) -> Register:
    return Register(
        interests=list(interests.public().for_register()),
        gifts=list(gifts.public().for_register()),
        withheld=_withheld(withheld_from) if withheld_from is not None else [],
    )


def register_of_board(board) -> Register:
    """A body's published registers: its members' declarations to it (through their
    appointments to its seats), and the gifts and hospitality on its register."""
    return _register(
        Interest.objects.of_board(board),
        GiftOrHospitality.objects.of_board(board),
        Interest.objects.of_board(board),
    )


def register_of_person(person) -> Register:
    """A person's published declarations, to every body they sit on, and their gifts and
    hospitality. Withheld entries are counted on the bodies' registers only, never against a
    name: whose entry was withheld is not published either."""
    return _register(
        Interest.objects.filter(person=person), GiftOrHospitality.objects.filter(person=person)
    )


INTEREST_COLUMNS = [
    "person",
    "person_slug",
    "body",
    "seat",
    "occasion",
    "nil_return",
    "category",
    "type",
    "description",
    "organisation",
    "interest_from",
    "interest_from_precision",
    "interest_to",
    "interest_to_precision",
    "action_taken",
    "declared_on",
    "review_due_on",
]
GIFT_COLUMNS = [
    "person",
    "person_slug",
    "body",
    "kind",
    "outcome",
    "description",
    "from",
    "from_supplier",
    "estimated_value_gbp",
    "date",
    "date_precision",
    "declared_on",
    "approved_by",
    "approved_on",
]


def interest_row(interest) -> dict:
    """An entry as the downloads give it (CSV columns, JSON keys)."""
    board = interest.membership.post.board
    return {
        "person": str(interest.person),
        "person_slug": interest.person.slug,
        "body": board.name,
        "seat": interest.membership.post.label,
        "occasion": interest.get_occasion_display(),
        "nil_return": interest.is_nil_return,
        "category": interest.get_category_display(),
        "type": interest.get_interest_type_display(),
        "description": interest.description,
        "organisation": (
            interest.organisation.name
            if interest.organisation_id and getattr(interest, "_public_organisation", True)
            else interest.organisation_name
        ),
        "interest_from": interest.interest_from.isoformat() if interest.interest_from else "",
        "interest_from_precision": interest.from_precision if interest.interest_from else "",
        "interest_to": interest.interest_to.isoformat() if interest.interest_to else "",
        "interest_to_precision": interest.to_precision if interest.interest_to else "",
        "action_taken": interest.action_taken,
        "declared_on": interest.declared_on.isoformat(),
        "review_due_on": interest.review_due_on.isoformat() if interest.review_due_on else "",
    }


def gift_row(gift) -> dict:
    return {
        "person": str(gift.person),
        "person_slug": gift.person.slug,
        "body": gift.membership.post.board.name,
        "kind": gift.get_kind_display(),
        "outcome": gift.get_outcome_display(),
        "description": gift.description,
        "from": (
            gift.giver_organisation.name
            if gift.giver_organisation_id and getattr(gift, "_public_giver_organisation", True)
            else gift.giver_name
        ),
        "from_supplier": {True: "yes", False: "no"}.get(gift.is_from_supplier, "not known"),
        "estimated_value_gbp": "" if gift.value_gbp is None else str(gift.value_gbp),
        "date": gift.date.isoformat(),
        "date_precision": gift.date_precision,
        "declared_on": gift.declared_on.isoformat() if gift.declared_on else "",
        "approved_by": gift.approved_by,
        "approved_on": gift.approved_on.isoformat() if gift.approved_on else "",
    }
