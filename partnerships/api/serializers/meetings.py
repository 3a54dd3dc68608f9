from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from icsgov.core.api.serializers import (
    SLUG_ON_CREATE,
    SOURCE,
    WRITE_SOURCE,
    BriefSerializer,
    LinkIdField,
    LinkSlugField,
    ReadSerializer,
    SlugOnCreateMixin,
    SourcedSerializer,
    SourcedWriteSerializer,
    WriteSerializer,
    brief_url,
    validation_error,
)
from icsgov.core.dates import format_date, today
from partnerships.api.serializers.briefs import (
    BriefBoardSerializer,
    BriefMeetingSerializer,
    BriefMembershipSerializer,
    BriefOrganisationSerializer,
    BriefPersonSerializer,
)
from partnerships.choices import MeetingStatus
from partnerships.models import (
    AgendaItem,
    Attendance,
    Board,
    Decision,
    Meeting,
    MeetingCycle,
    MeetingPaper,
    Membership,
    Organisation,
    Person,
)
from partnerships.quorum import quoracy_of
from partnerships.rules import meetings as meeting_rules


class MeetingSerializer(SourcedSerializer):
    url = brief_url("meeting-detail")
    board = BriefBoardSerializer(read_only=True)
    host_organisation = BriefOrganisationSerializer(read_only=True, allow_null=True)
    when = serializers.CharField(read_only=True, help_text="The date at its precision, in words.")

    class Meta:
        model = Meeting
        fields = [
            "slug",
            "url",
            "board",
            "title",
            "kind",
            "status",
            "date",
            "date_precision",
            "date_end",
            "when",
            "starts_at",
            "is_public",
            "purpose",
            "host",
            "host_organisation",
            "location",
            "notice_published_on",
            "agenda_published_on",
            "draft_minutes_published_on",
            "minutes_approved_on",
            *SOURCE,
        ]

    #: The lean read (icsgov.core.api.lean): the date in words from its columns, as
    #: ``Meeting.when`` gives it.
    lean_columns = {"when": ("date", "date_precision", "date_end")}

    def lean_when(self, request, date, precision, end):
        return format_date(date, precision, end)


class QuoracySerializer(serializers.Serializer):
    state = serializers.ChoiceField(
        choices=["quorate", "not_quorate", "cannot_say"],
        help_text="quorate, not_quorate, or cannot_say (no rule in force, attendance not "
        "recorded...).",
    )
    label = serializers.CharField(help_text="The state in words.")
    reason = serializers.CharField(help_text="Why, e.g. '2 of 5 voting members present'.")
    present = serializers.IntegerField(allow_null=True, help_text="Members counted present.")
    members = serializers.IntegerField(allow_null=True, help_text="Members the rule counts.")
    required = serializers.IntegerField(allow_null=True, help_text="Members the quorum needs.")
    terms_version = serializers.CharField(
        source="terms.version", allow_null=True, default=None, help_text="Version applied."
    )


class MeetingDetailSerializer(MeetingSerializer):
    """A meeting with its quoracy (held meetings; null otherwise), computed from the terms of
    reference in force on its date and the attendance recorded (partnerships.quorum)."""

    quoracy = serializers.SerializerMethodField()

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "quoracy"]

    @extend_schema_field(QuoracySerializer(allow_null=True))
    def get_quoracy(self, obj):
        answer = quoracy_of([obj])[obj.pk]
        return QuoracySerializer(answer).data if answer else None


class MeetingWriteSerializer(SlugOnCreateMixin, SourcedWriteSerializer):
    board = LinkSlugField(Board, help_text="Slug of the body that meets.")
    host_organisation = LinkSlugField(
        Organisation,
        required=False,
        allow_null=True,
        help_text="Slug of the organisation hosting, if one does.",
    )

    class Meta:
        model = Meeting
        fields = [
            "slug",
            "board",
            "title",
            "kind",
            "status",
            "date",
            "date_precision",
            "date_end",
            "starts_at",
            "is_public",
            "purpose",
            "host",
            "host_organisation",
            "location",
            "notice_published_on",
            "agenda_published_on",
            "draft_minutes_published_on",
            "minutes_approved_on",
            *WRITE_SOURCE,
        ]
        extra_kwargs = SLUG_ON_CREATE


class AttendanceSerializer(ReadSerializer):
    url = brief_url("attendance-detail", lookup_field="pk")
    meeting = BriefMeetingSerializer(read_only=True)
    person = BriefPersonSerializer(read_only=True)
    membership = BriefMembershipSerializer(read_only=True, allow_null=True)
    deputy = BriefPersonSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Attendance
        fields = ["id", "url", "meeting", "person", "membership", "status", "deputy", "notes"]


class AttendanceWriteSerializer(WriteSerializer):
    meeting = LinkSlugField(Meeting, help_text="Slug of the meeting.")
    person = LinkSlugField(Person, help_text="Slug of the person attending.")
    membership = LinkSlugField(
        Membership,
        required=False,
        allow_null=True,
        help_text="Slug of the appointment under which they attend, if a member.",
    )
    deputy = LinkSlugField(
        Person,
        required=False,
        allow_null=True,
        help_text="Slug of the substitute or deputy who attended in the member's place (status "
        "'substitute').",
    )

    class Meta:
        model = Attendance
        fields = ["meeting", "person", "membership", "status", "deputy", "notes"]


class BriefAgendaItemSerializer(BriefSerializer):
    class Meta:
        model = AgendaItem
        fields = ["id", "order", "number", "title", "is_exempt"]


class DecisionSerializer(SourcedSerializer):
    """A decision, or a recommendation with no decision recorded (``outcome`` null,
    ``is_decision`` false)."""

    url = brief_url("decision-detail", lookup_field="pk")
    meeting = BriefMeetingSerializer(read_only=True)
    board = BriefBoardSerializer(source="meeting.board", read_only=True)
    agenda_item = BriefAgendaItemSerializer(read_only=True, allow_null=True)
    outcome = serializers.SerializerMethodField(
        help_text="Approved, approved_with_amendments, deferred, rejected or noted; null for a "
        "recommendation with no decision recorded."
    )
    is_decision = serializers.BooleanField(
        read_only=True, help_text="False for a recommendation with no decision recorded."
    )
    decided_by = serializers.SerializerMethodField(
        help_text="Named people who took the decision (published people only); empty when the "
        "body decided."
    )

    class Meta:
        model = Decision
        fields = [
            "id",
            "url",
            "meeting",
            "board",
            "agenda_item",
            "order",
            "text",
            "is_decision",
            "outcome",
            "is_key_decision",
            "decided_on",
            "published_on",
            "decided_by",
            *SOURCE,
        ]

    def get_outcome(self, obj) -> str | None:
        return obj.outcome or None

    @extend_schema_field(BriefPersonSerializer(many=True))
    def get_decided_by(self, obj):
        people = [p for p in obj.decided_by.all() if p.is_published]
        return BriefPersonSerializer(people, many=True, context=self.context).data


class DecisionWriteSerializer(WriteSerializer):
    meeting = LinkSlugField(Meeting, help_text="Slug of the meeting.")
    agenda_item = LinkIdField(
        AgendaItem,
        required=False,
        allow_null=True,
        help_text="Numeric id of the agenda item it was taken under (of the same meeting).",
    )
    decided_by = LinkSlugField(
        Person,
        many=True,
        required=False,
        help_text="Slugs of the named people who took the decision, where the law asks for "
        "them (people of the meeting's system); an empty list when the body decided. Replaces "
        "the list when given.",
    )

    def validate(self, attrs):
        # A many-to-many value is set after the record is saved (ModelSerializer does that), so
        # the record's full_clean() cannot see it: the rule is called here with the people
        # given, as the admin form calls it (partnerships.rules.meetings.check_decided_by).
        people = attrs.pop("decided_by", None)
        attrs = super().validate(attrs)
        meeting = attrs.get("meeting", getattr(self.instance, "meeting", None))
        moved = self.instance is not None and "meeting" in attrs
        if people is None and moved:
            people = list(self.instance.decided_by.all())
        try:
            meeting_rules.check_decided_by(meeting, people)
        except DjangoValidationError as error:
            raise validation_error(error) from None
        if people is not None and "decided_by" in self.initial_data:
            attrs["decided_by"] = people
        return attrs

    class Meta:
        model = Decision
        fields = [
            "meeting",
            "agenda_item",
            "order",
            "text",
            "outcome",
            "is_key_decision",
            "decided_on",
            "published_on",
            "decided_by",
            "source_section",
        ]


class AgendaItemSerializer(SourcedSerializer):
    """An item on a meeting's agenda, by numeric id: public, or exempt with the reason the
    public was excluded (whose papers and decisions are never public)."""

    url = brief_url("agendaitem-detail", lookup_field="pk")
    meeting = BriefMeetingSerializer(read_only=True)

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "url",
            "meeting",
            "order",
            "number",
            "title",
            "is_exempt",
            "exemption_reason",
            *SOURCE,
        ]


class MeetingPaperSerializer(SourcedSerializer):
    """A paper for a meeting, addressed by numeric ``id``. Anonymous clients see the papers
    marked public of published meetings held in public."""

    url = brief_url("meetingpaper-detail", lookup_field="pk")
    meeting = BriefMeetingSerializer(read_only=True)
    board = BriefBoardSerializer(source="meeting.board", read_only=True)
    document_url = serializers.SerializerMethodField(
        help_text="Where the paper is published: its link, or the address of its uploaded file."
    )
    agenda_item = BriefAgendaItemSerializer(read_only=True, allow_null=True)

    class Meta:
        model = MeetingPaper
        fields = [
            "id",
            "url",
            "meeting",
            "board",
            "agenda_item",
            "title",
            "kind",
            "document_url",
            "is_public",
            "published_on",
            *SOURCE,
        ]

    def get_document_url(self, obj) -> str | None:
        if obj.url:
            return obj.url
        if obj.file:
            path = reverse("partnerships:paper-file", args=[obj.pk])
            request = self.context.get("request")
            return request.build_absolute_uri(path) if request else path
        return None


class AttendanceRecordSerializer(serializers.Serializer):
    """A member's attendance in a calendar year (partnerships.selectors.AttendanceRecord)."""

    person = BriefPersonSerializer(source="membership.person")
    membership = BriefMembershipSerializer()
    seat = serializers.CharField(source="membership.post.label")
    board = BriefBoardSerializer(source="membership.post.board")
    year = serializers.IntegerField()
    held = serializers.IntegerField(help_text="Meetings held while they held the seat.")
    expected = serializers.IntegerField(help_text="Of those, meetings whose attendance is known.")
    present = serializers.IntegerField(help_text="Attended in person.")
    virtual = serializers.IntegerField(help_text="Attended virtually.")
    attended = serializers.IntegerField(help_text="In person or virtually.")
    substitute = serializers.IntegerField(help_text="Sent a substitute or deputy.")
    apologies = serializers.IntegerField()
    absent = serializers.IntegerField()
    not_recorded = serializers.IntegerField(help_text="Attendance not recorded (not absent).")
    rate = serializers.IntegerField(
        allow_null=True, help_text="Per cent of expected meetings attended; null if none."
    )
    expectation = serializers.IntegerField(
        allow_null=True, help_text="Per cent expected by the terms of reference, if stated."
    )
    meets_expectation = serializers.BooleanField(allow_null=True)
    summary = serializers.CharField(help_text="E.g. 'Attended 5 of 6 expected (83%)'.")


class PlannedMeetingSerializer(serializers.Serializer):
    first = serializers.DateField(help_text="First day of the window.")
    last = serializers.DateField(help_text="Last day of the window.")
    when = serializers.CharField(help_text="The window in words, e.g. 'May to June 2027'.")


class MeetingCycleSerializer(SourcedSerializer):
    """A body's regular cycle of meetings, by numeric id, with the meetings it plans (windows
    this year and next not yet over that hold no scheduled or held meeting of the body)."""

    url = brief_url("meetingcycle-detail", lookup_field="pk")
    board = BriefBoardSerializer(read_only=True)
    planned = serializers.SerializerMethodField()

    class Meta:
        model = MeetingCycle
        fields = [
            "id",
            "url",
            "board",
            "description",
            "kind",
            "first_month",
            "last_month",
            "per_year_min",
            "per_year_max",
            "planned",
            *SOURCE,
        ]

    @extend_schema_field(PlannedMeetingSerializer(many=True))
    def get_planned(self, obj):
        meetings = getattr(obj.board, "not_cancelled", None)
        if meetings is None:
            meetings = list(obj.board.meetings.exclude(status=MeetingStatus.CANCELLED))
        return PlannedMeetingSerializer(obj.planned(meetings, today()), many=True).data
