from rest_framework import serializers

from icsgov.core.api.serializers import (
    SOURCE,
    WRITE_SOURCE,
    BriefSerializer,
    LinkIdField,
    LinkSlugField,
    PrivateFieldsMixin,
    SourcedSerializer,
    SourcedWriteSerializer,
    WriteSerializer,
    brief_url,
)
from icsgov.core.dates import format_date
from partnerships.api.serializers.briefs import (
    BriefBoardSerializer,
    BriefMeetingSerializer,
    BriefMembershipSerializer,
    BriefOrganisationSerializer,
    BriefPersonSerializer,
)
from partnerships.api.serializers.meetings import BriefAgendaItemSerializer
from partnerships.models import (
    AgendaItem,
    GiftOrHospitality,
    Interest,
    Meeting,
    MeetingDeclaration,
    Membership,
    Organisation,
    Person,
)
from partnerships.rules import interests as interest_rules

INTEREST_FIELDS = [
    "occasion",
    "is_nil_return",
    "category",
    "interest_type",
    "description",
    "organisation_name",
    "interest_from",
    "from_precision",
    "interest_to",
    "to_precision",
    "action_taken",
    "declared_on",
    "review_by",
]


class InterestSerializer(PrivateFieldsMixin, SourcedSerializer):
    """An entry in a register of interests, by numeric id. Anonymous clients see published
    entries of published people's public appointments, never a withheld one (the register
    downloads count those, with their reason); ``withheld_note`` is for the secretariat only."""

    url = brief_url("interest-detail", lookup_field="pk")
    person = BriefPersonSerializer(read_only=True)
    membership = BriefMembershipSerializer(read_only=True)
    board = BriefBoardSerializer(source="membership.post.board", read_only=True)
    organisation = BriefOrganisationSerializer(read_only=True, allow_null=True)
    review_due_on = serializers.DateField(
        read_only=True, help_text="When it is next reviewed: 'review by', or a year after declared."
    )

    class Meta:
        model = Interest
        fields = [
            "id",
            "url",
            "person",
            "membership",
            "board",
            "organisation",
            *INTEREST_FIELDS,
            "review_due_on",
            "is_published",
            "is_withheld",
            "withheld_reason",
            "withheld_note",
            *SOURCE,
        ]

    #: The lean read (icsgov.core.api.lean): the review date from its columns, by the rule
    #: ``Interest.review_due_on`` applies.
    lean_columns = {"review_due_on": ("declared_on", "review_by")}

    def lean_review_due_on(self, request, declared_on, review_by):
        return interest_rules.review_due(declared_on, review_by)


class InterestWriteSerializer(SourcedWriteSerializer):
    person = LinkSlugField(Person, help_text="Slug of the person declaring.")
    membership = LinkSlugField(
        Membership, help_text="Slug of the person's appointment it is declared to."
    )
    organisation = LinkSlugField(
        Organisation,
        required=False,
        allow_null=True,
        help_text="Slug of the organisation the interest is in or with, if in the registry.",
    )

    class Meta:
        model = Interest
        fields = [
            "person",
            "membership",
            "organisation",
            *INTEREST_FIELDS,
            "is_withheld",
            "withheld_reason",
            "withheld_note",
            *WRITE_SOURCE,
        ]


GIFT_FIELDS = [
    "kind",
    "outcome",
    "description",
    "giver_name",
    "is_from_supplier",
    "value_gbp",
    "date",
    "date_precision",
    "declared_on",
    "approved_by",
    "approved_on",
    "notes",
]


class GiftOrHospitalitySerializer(SourcedSerializer):
    """An entry in a register of gifts and hospitality, by numeric id. Anonymous clients see
    published entries of published people's public appointments."""

    url = brief_url("giftorhospitality-detail", lookup_field="pk")
    person = BriefPersonSerializer(read_only=True)
    membership = BriefMembershipSerializer(read_only=True)
    board = BriefBoardSerializer(source="membership.post.board", read_only=True)
    giver_organisation = BriefOrganisationSerializer(read_only=True, allow_null=True)
    when = serializers.CharField(read_only=True, help_text="The date at its precision, in words.")

    class Meta:
        model = GiftOrHospitality
        fields = [
            "id",
            "url",
            "person",
            "membership",
            "board",
            "giver_organisation",
            *GIFT_FIELDS,
            "when",
            "is_published",
            *SOURCE,
        ]

    #: The lean read (icsgov.core.api.lean): the date in words from its columns, as
    #: ``GiftOrHospitality.when`` gives it.
    lean_columns = {"when": ("date", "date_precision")}

    def lean_when(self, request, date, precision):
        return format_date(date, precision)


class GiftOrHospitalityWriteSerializer(SourcedWriteSerializer):
    person = LinkSlugField(Person, help_text="Slug of the person offered it.")
    membership = LinkSlugField(
        Membership, help_text="Slug of the person's appointment whose register it is on."
    )
    giver_organisation = LinkSlugField(
        Organisation,
        required=False,
        allow_null=True,
        help_text="Slug of the organisation that offered it, if in the registry.",
    )

    class Meta:
        model = GiftOrHospitality
        fields = ["person", "membership", "giver_organisation", *GIFT_FIELDS, *WRITE_SOURCE]


class BriefInterestSerializer(BriefSerializer):
    url = brief_url("interest-detail", lookup_field="pk")

    class Meta:
        model = Interest
        fields = ["id", "url"]


class MeetingDeclarationSerializer(serializers.ModelSerializer):
    """An interest declared at a meeting, against its agenda item, by numeric id. Anonymous
    clients see those of published meetings held in public."""

    url = brief_url("meetingdeclaration-detail", lookup_field="pk")
    meeting = BriefMeetingSerializer(read_only=True)
    person = BriefPersonSerializer(read_only=True)
    interest = BriefInterestSerializer(read_only=True, allow_null=True)
    agenda_item = BriefAgendaItemSerializer(read_only=True, allow_null=True)

    class Meta:
        model = MeetingDeclaration
        fields = [
            "id",
            "url",
            "meeting",
            "agenda_item",
            "item_reference",
            "person",
            "interest",
            "description",
            "action",
            "notes",
        ]


class MeetingDeclarationWriteSerializer(WriteSerializer):
    meeting = LinkSlugField(Meeting, help_text="Slug of the meeting.")
    person = LinkSlugField(Person, help_text="Slug of the person declaring.")
    interest = LinkIdField(
        Interest,
        required=False,
        allow_null=True,
        help_text="Id of the register entry it refers to, if on the register.",
    )
    agenda_item = LinkIdField(
        AgendaItem,
        required=False,
        allow_null=True,
        help_text="Numeric id of the agenda item it bears on (of the same meeting).",
    )

    class Meta:
        model = MeetingDeclaration
        fields = [
            "meeting",
            "agenda_item",
            "item_reference",
            "person",
            "interest",
            "description",
            "action",
            "notes",
            "is_published",
        ]
