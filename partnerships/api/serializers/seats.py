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
from partnerships.api.serializers.briefs import BriefBoardSerializer, BriefOrganisationSerializer
from partnerships.models import Board, Organisation, Post


class SeatCountsMixin(serializers.Serializer):
    """Places filled, vacant or not recorded on the date asked for, as annotated by
    ``Post.objects.with_counts(date, viewer)`` (partnerships.rules.seats), the one count every
    door shows. Only appointments the client may see are counted."""

    filled = serializers.IntegerField(
        read_only=True, help_text="Places held on the date asked for (by appointments you see)."
    )
    membership_maintained = serializers.BooleanField(
        source="maintained",
        read_only=True,
        help_text="Whether the body's membership is maintained in the registry on the date; if "
        "not, it is known only from papers.",
    )
    vacancies = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text="Empty places on a body whose membership is maintained; null when it is not "
        "(see holders_not_recorded) or when the papers give no number of places.",
    )
    holders_not_recorded = serializers.IntegerField(
        source="not_recorded",
        read_only=True,
        allow_null=True,
        help_text="On a body known only from papers: places no recorded appointment fills "
        "(the papers name the seat, not its holder). Null on a maintained body.",
    )


class PostSerializer(SeatCountsMixin, SourcedSerializer):
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
            "office",
            "places",
            "filled",
            "membership_maintained",
            "vacancies",
            "holders_not_recorded",
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


class BoardSeatSerializer(SeatCountsMixin, ReadSerializer):
    url = brief_url("post-detail")
    nominating_organisation = BriefOrganisationSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Post
        fields = [
            "slug",
            "url",
            "label",
            "role",
            "office",
            "places",
            "filled",
            "membership_maintained",
            "vacancies",
            "holders_not_recorded",
            "nominating_organisation",
            "nominating_sector",
            "voting",
            "statutory",
            "notes",
        ]


class PostWriteSerializer(SlugOnCreateMixin, SourcedWriteSerializer):
    board = LinkSlugField(Board, help_text="Slug of the body the seat is on.")
    nominating_organisation = LinkSlugField(
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
            "office",
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
