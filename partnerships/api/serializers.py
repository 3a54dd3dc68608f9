from rest_framework import serializers

from icsgov.api.serializers import (
    BriefSerializer,
    OptionalURLField,
    VisibleSlugField,
    WriteSerializer,
    brief_url,
)
from icsgov.visibility import sees_unpublished
from partnerships.choices import MembershipKind, Role
from partnerships.models import (
    Attendance,
    Board,
    Decision,
    Meeting,
    Membership,
    Organisation,
    OrganisationIdentifier,
    Person,
    Post,
    TermsClause,
    TermsOfReference,
)
from places.api.serializers import (
    DATED,
    SOURCE,
    BriefClusterSerializer,
    BriefPlaceSerializer,
    BriefSystemSerializer,
)
from places.models import Footprint


class BriefOrganisationSerializer(BriefSerializer):
    url = brief_url("organisation-detail")

    class Meta:
        model = Organisation
        fields = ["slug", "name", "short_name", "url"]


class BriefBoardSerializer(BriefSerializer):
    url = brief_url("board-detail")

    class Meta:
        model = Board
        fields = ["slug", "name", "short_name", "url"]


class BriefPersonSerializer(BriefSerializer):
    """Name and address only: contact details never travel in a nested person."""

    url = brief_url("person-detail")

    class Meta:
        model = Person
        fields = ["slug", "name", "honorific", "url"]


class BriefPostSerializer(BriefSerializer):
    url = brief_url("post-detail")
    name = serializers.CharField(source="label", read_only=True)

    class Meta:
        model = Post
        fields = ["slug", "name", "role", "url"]


class BriefMeetingSerializer(BriefSerializer):
    url = brief_url("meeting-detail")
    name = serializers.CharField(source="title", read_only=True)

    class Meta:
        model = Meeting
        fields = ["slug", "name", "date", "url"]


class BriefFootprintSerializer(BriefSerializer):
    class Meta:
        model = Footprint
        fields = ["slug", "name"]


class IdentifierSerializer(serializers.ModelSerializer):
    class Meta:
        model = OrganisationIdentifier
        fields = ["scheme", "code", "valid_from", "valid_to"]


class OrganisationSerializer(serializers.ModelSerializer):
    url = brief_url("organisation-detail")
    system = BriefSystemSerializer(read_only=True, allow_null=True)
    identifiers = IdentifierSerializer(many=True, read_only=True)
    website = OptionalURLField(help_text="Public website; null if not known.")

    class Meta:
        model = Organisation
        fields = [
            "slug",
            "url",
            "name",
            "short_name",
            "sector",
            "kind",
            "system",
            "website",
            "identifiers",
            *DATED,
            "end_reason",
            *SOURCE,
        ]


class BoardSerializer(serializers.ModelSerializer):
    url = brief_url("board-detail")
    system = BriefSystemSerializer(read_only=True)
    place = BriefPlaceSerializer(read_only=True, allow_null=True)
    footprint = BriefFootprintSerializer(read_only=True, allow_null=True)
    cluster = BriefClusterSerializer(read_only=True, allow_null=True)
    parent = BriefBoardSerializer(read_only=True, allow_null=True)
    convening_organisations = BriefOrganisationSerializer(
        source="visible_convening_organisations", many=True, read_only=True
    )

    class Meta:
        model = Board
        fields = [
            "slug",
            "url",
            "name",
            "short_name",
            "kind",
            "status",
            "system",
            "place",
            "footprint",
            "cluster",
            "parent",
            "convening_organisations",
            "chair_model",
            "meets_in_public",
            "purpose",
            "attendance_expectation",
            *DATED,
            "end_reason",
            *SOURCE,
        ]


class PersonSerializer(serializers.ModelSerializer):
    """A person. ``email`` and ``phone`` are private (Person.PRIVATE_FIELDS): present for staff
    only, absent (not even null) for everyone else."""

    url = brief_url("person-detail")

    class Meta:
        model = Person
        fields = [
            "slug",
            "url",
            "name",
            "honorific",
            "sort_name",
            "biography",
            "email",
            "phone",
            *SOURCE,
        ]
        extra_kwargs = {
            "email": {"required": False, "help_text": "Staff only: never shown publicly."},
            "phone": {"required": False, "help_text": "Staff only: never shown publicly."},
        }

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if not sees_unpublished(getattr(request, "user", None)):
            for field in Person.PRIVATE_FIELDS:
                data.pop(field, None)
        return data


class SeatCountsMixin(serializers.Serializer):
    """Places filled and vacant on the date asked for, from ``holders_on_date`` (prefetched by
    the view with ``Membership.objects.counting().as_at(date)``, the rule Post.filled_on uses)."""

    filled = serializers.SerializerMethodField(help_text="Places held on the date asked for.")
    vacancies = serializers.SerializerMethodField(
        help_text="Empty places on the date asked for; null when the papers give no number."
    )

    def get_filled(self, post) -> int:
        return len(post.holders_on_date)

    def get_vacancies(self, post) -> int | None:
        if post.places is None:
            return None
        return max(post.places - len(post.holders_on_date), 0)


class PostSerializer(SeatCountsMixin, serializers.ModelSerializer):
    url = brief_url("post-detail")
    board = BriefBoardSerializer(read_only=True)
    nominating_organisation = BriefOrganisationSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Post
        fields = [
            "slug",
            "url",
            "label",
            "board",
            "role",
            "places",
            "filled",
            "vacancies",
            "nominating_organisation",
            "nominating_sector",
            "voting",
            "statutory",
            "phase",
            "order",
            "notes",
            *DATED,
            *SOURCE,
        ]


class MembershipSerializer(serializers.ModelSerializer):
    url = brief_url("membership-detail")
    person = BriefPersonSerializer(read_only=True)
    post = BriefPostSerializer(read_only=True)
    board = BriefBoardSerializer(source="post.board", read_only=True)
    on_behalf_of = BriefOrganisationSerializer(read_only=True, allow_null=True)
    role = serializers.CharField(source="post.role", read_only=True, help_text="Role of the seat.")
    is_voting = serializers.BooleanField(
        read_only=True,
        allow_null=True,
        help_text="Whether the holder votes: the appointment's override, else the seat's.",
    )

    class Meta:
        model = Membership
        fields = [
            "slug",
            "url",
            "person",
            "post",
            "board",
            "role",
            "on_behalf_of",
            "kind",
            "voting",
            "is_voting",
            *DATED,
            "notes",
            *SOURCE,
        ]


class TermsClauseSerializer(serializers.ModelSerializer):
    class Meta:
        model = TermsClause
        fields = ["order", "topic", "heading", "text"]


class TermsOfReferenceSerializer(serializers.ModelSerializer):
    url = brief_url("termsofreference-detail")
    board = BriefBoardSerializer(read_only=True)
    approval_meeting = BriefMeetingSerializer(read_only=True, allow_null=True)
    clauses = TermsClauseSerializer(many=True, read_only=True)
    document_url = OptionalURLField(help_text="Link to the published document; null if none.")

    class Meta:
        model = TermsOfReference
        fields = [
            "slug",
            "url",
            "board",
            "version",
            "title",
            "status",
            "in_force_from",
            "in_force_to",
            "approved_on",
            "approval_meeting",
            "review_date",
            "membership_count",
            "voting_membership_count",
            "quorum",
            "quorum_number",
            "document_url",
            "clauses",
            *SOURCE,
        ]


class MeetingSerializer(serializers.ModelSerializer):
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


class BoardMemberSerializer(serializers.ModelSerializer):
    """An appointment as listed on its board: who, in which seat, for whom, since when."""

    url = brief_url("membership-detail")
    person = BriefPersonSerializer(read_only=True)
    post = BriefPostSerializer(read_only=True)
    on_behalf_of = BriefOrganisationSerializer(read_only=True, allow_null=True)
    is_voting = serializers.BooleanField(read_only=True, allow_null=True)

    class Meta:
        model = Membership
        fields = [
            "slug",
            "url",
            "person",
            "post",
            "on_behalf_of",
            "kind",
            "is_voting",
            "start_date",
            "end_date",
        ]


class BoardSeatSerializer(SeatCountsMixin, serializers.ModelSerializer):
    url = brief_url("post-detail")
    nominating_organisation = BriefOrganisationSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Post
        fields = [
            "slug",
            "url",
            "label",
            "role",
            "places",
            "filled",
            "vacancies",
            "nominating_organisation",
            "nominating_sector",
            "voting",
            "statutory",
        ]


class ChairArrangementSerializer(serializers.Serializer):
    model = serializers.CharField(help_text="The chair model (Board.chair_model).")
    label = serializers.CharField(help_text="The chair model in words.")
    several_chairs_allowed = serializers.BooleanField(
        help_text="Whether co-chairs or rotation let more than one person chair at once."
    )
    chairs = BoardMemberSerializer(many=True, help_text="Who holds a chairing seat on the date.")


class BoardDetailSerializer(BoardSerializer):
    """A board as at a date (``?as_at=``, default today): its members, its seats with places
    filled and vacant, its terms of reference in force and its chair arrangement."""

    as_at = serializers.SerializerMethodField(help_text="The date the board is described at.")
    members = serializers.SerializerMethodField()
    seats = serializers.SerializerMethodField()
    terms_of_reference = serializers.SerializerMethodField(
        help_text="The ratified version in force on the date, or null."
    )
    chair = serializers.SerializerMethodField()

    class Meta(BoardSerializer.Meta):
        fields = [
            *BoardSerializer.Meta.fields,
            "as_at",
            "chair",
            "members",
            "seats",
            "terms_of_reference",
        ]

    def get_as_at(self, board) -> str:
        return self.context["as_at"].isoformat()

    def _members(self):
        return self.context["members"]

    def get_members(self, board) -> BoardMemberSerializer(many=True):
        return BoardMemberSerializer(self._members(), many=True, context=self.context).data

    def get_seats(self, board) -> BoardSeatSerializer(many=True):
        return BoardSeatSerializer(self.context["seats"], many=True, context=self.context).data

    def get_terms_of_reference(self, board) -> TermsOfReferenceSerializer(allow_null=True):
        terms = self.context["terms"]
        if terms is None:
            return None
        return TermsOfReferenceSerializer(terms, context=self.context).data

    def get_chair(self, board) -> ChairArrangementSerializer:
        chairs = [
            m
            for m in self._members()
            if m.post.role in Role.chairing() and m.kind == MembershipKind.MEMBER
        ]
        return ChairArrangementSerializer(
            {
                "model": board.chair_model,
                "label": board.get_chair_model_display(),
                "several_chairs_allowed": board.allows_several_chairs,
                "chairs": chairs,
            },
            context=self.context,
        ).data


# Input for writes (WritableRegistryViewSet): links are given by slug (or id), chosen among
# the records the client may see; every rule is the model's full_clean().

WRITE_SOURCE = [*SOURCE, "is_published"]
SLUG_ON_CREATE = {
    "slug": {
        "required": False,
        "help_text": "Stable identifier; made from the record when left out. Cannot be changed "
        "once set.",
    }
}


class SlugOnCreateMixin:
    """Slugs are stable: given (or made) on create, never changed by an update."""

    def get_fields(self):
        fields = super().get_fields()
        if self.instance is not None and "slug" in fields:
            fields["slug"].read_only = True
        return fields


class PersonWriteSerializer(SlugOnCreateMixin, WriteSerializer):
    class Meta:
        model = Person
        fields = [
            "slug",
            "name",
            "honorific",
            "sort_name",
            "biography",
            "email",
            "phone",
            *WRITE_SOURCE,
        ]
        extra_kwargs = SLUG_ON_CREATE


class PostWriteSerializer(SlugOnCreateMixin, WriteSerializer):
    board = VisibleSlugField(Board, help_text="Slug of the body the seat is on.")
    nominating_organisation = VisibleSlugField(
        Organisation,
        required=False,
        allow_null=True,
        help_text="Slug of the organisation that nominates to the seat, if one does.",
    )

    class Meta:
        model = Post
        fields = [
            "slug",
            "board",
            "label",
            "role",
            "places",
            "nominating_organisation",
            "nominating_sector",
            "voting",
            "statutory",
            "phase",
            "order",
            "notes",
            *DATED,
            *WRITE_SOURCE,
        ]
        extra_kwargs = SLUG_ON_CREATE


class MembershipWriteSerializer(SlugOnCreateMixin, WriteSerializer):
    person = VisibleSlugField(Person, help_text="Slug of the person appointed.")
    post = VisibleSlugField(Post, help_text="Slug of the seat.")
    on_behalf_of = VisibleSlugField(
        Organisation,
        required=False,
        allow_null=True,
        help_text="Slug of the organisation the person represents.",
    )
    deputy_for = VisibleSlugField(
        Membership,
        required=False,
        allow_null=True,
        help_text="For a substitute or deputy: slug of the appointment they stand in for.",
    )

    class Meta:
        model = Membership
        fields = [
            "slug",
            "person",
            "post",
            "on_behalf_of",
            "kind",
            "deputy_for",
            "voting",
            *DATED,
            "notes",
            *WRITE_SOURCE,
        ]
        extra_kwargs = {**SLUG_ON_CREATE, "start_date": {"required": True, "allow_null": False}}


class MeetingWriteSerializer(SlugOnCreateMixin, WriteSerializer):
    board = VisibleSlugField(Board, help_text="Slug of the body that meets.")
    host_organisation = VisibleSlugField(
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


class BriefMembershipSerializer(BriefSerializer):
    url = brief_url("membership-detail")

    class Meta:
        model = Membership
        fields = ["slug", "url"]


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
    meeting = VisibleSlugField(Meeting, help_text="Slug of the meeting.")
    person = VisibleSlugField(Person, help_text="Slug of the person attending.")
    membership = VisibleSlugField(
        Membership,
        required=False,
        allow_null=True,
        help_text="Slug of the appointment under which they attend, if a member.",
    )
    deputy = VisibleSlugField(
        Person,
        required=False,
        allow_null=True,
        help_text="Slug of who attended in their place (status 'deputy').",
    )

    class Meta:
        model = Attendance
        fields = ["meeting", "person", "membership", "status", "deputy", "notes"]


class DecisionSerializer(serializers.ModelSerializer):
    url = brief_url("decision-detail", lookup_field="pk")
    meeting = BriefMeetingSerializer(read_only=True)

    class Meta:
        model = Decision
        fields = ["id", "url", "meeting", "order", "text", "source_section"]


class DecisionWriteSerializer(WriteSerializer):
    meeting = VisibleSlugField(Meeting, help_text="Slug of the meeting.")

    class Meta:
        model = Decision
        fields = ["meeting", "order", "text", "source_section"]
