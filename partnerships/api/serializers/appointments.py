from rest_framework import serializers

from icsgov.core.api.serializers import (
    DATED,
    SLUG_ON_CREATE,
    SOURCE,
    WRITE_SOURCE,
    LinkSlugField,
    ReadSerializer,
    SlugOnCreateMixin,
    SourcedSerializer,
    SourcedWriteSerializer,
    brief_url,
)
from partnerships.api.serializers.briefs import (
    BriefBoardSerializer,
    BriefOrganisationSerializer,
    BriefPersonSerializer,
    BriefPostSerializer,
)
from partnerships.models import Membership, Organisation, Person, Post


class LeanIsVoting:
    """The lean read (icsgov.core.api.lean) of ``is_voting``: Membership.is_voting from its
    columns."""

    lean_columns = {"is_voting": ("voting", "post__voting")}

    def lean_is_voting(self, request, voting, post_voting):
        return Membership.is_voting_from(voting, post_voting)


class MembershipSerializer(LeanIsVoting, SourcedSerializer):
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


class BoardMemberSerializer(LeanIsVoting, ReadSerializer):
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


class MembershipWriteSerializer(SlugOnCreateMixin, SourcedWriteSerializer):
    person = LinkSlugField(Person, help_text="Slug of the person appointed.")
    post = LinkSlugField(Post, help_text="Slug of the seat.")
    on_behalf_of = LinkSlugField(
        Organisation,
        required=False,
        allow_null=True,
        help_text="Slug of the organisation the person represents.",
    )
    deputy_for = LinkSlugField(
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
