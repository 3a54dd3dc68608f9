from rest_framework import serializers

from icsgov.core.api.serializers import (
    SLUG_ON_CREATE,
    SOURCE,
    WRITE_SOURCE,
    LinkSlugField,
    OptionalURLField,
    SlugOnCreateMixin,
    SourcedSerializer,
    SourcedWriteSerializer,
    WriteSerializer,
    brief_url,
)
from partnerships.api.serializers.briefs import (
    BriefBoardSerializer,
    BriefMeetingSerializer,
    BriefMembershipSerializer,
    BriefOrganisationSerializer,
    BriefPersonSerializer,
)
from partnerships.models import (
    Attendance,
    Board,
    Decision,
    Meeting,
    MeetingPaper,
    Membership,
    Organisation,
    Person,
)


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
            *SOURCE,
        ]


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
            *WRITE_SOURCE,
        ]
        extra_kwargs = SLUG_ON_CREATE


class AttendanceSerializer(serializers.ModelSerializer):
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


class DecisionSerializer(SourcedSerializer):
    url = brief_url("decision-detail", lookup_field="pk")
    meeting = BriefMeetingSerializer(read_only=True)

    class Meta:
        model = Decision
        fields = ["id", "url", "meeting", "order", "text", *SOURCE]


class DecisionWriteSerializer(WriteSerializer):
    meeting = LinkSlugField(Meeting, help_text="Slug of the meeting.")

    class Meta:
        model = Decision
        fields = ["meeting", "order", "text", "source_section"]


class MeetingPaperSerializer(SourcedSerializer):
    """A paper for a meeting, addressed by numeric ``id``. Anonymous clients see the papers
    marked public of published meetings held in public."""

    url = brief_url("meetingpaper-detail", lookup_field="pk")
    meeting = BriefMeetingSerializer(read_only=True)
    board = BriefBoardSerializer(source="meeting.board", read_only=True)
    document_url = OptionalURLField(source="url", help_text="Where the paper is published.")

    class Meta:
        model = MeetingPaper
        fields = ["id", "url", "meeting", "board", "title", "document_url", "is_public", *SOURCE]
