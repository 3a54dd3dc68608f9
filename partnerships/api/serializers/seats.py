from rest_framework import serializers

from icsgov.core.api.serializers import (
    DATED,
    SLUG_ON_CREATE,
    SOURCE,
    WRITE_SOURCE,
    LinkSlugField,
    SlugOnCreateMixin,
    SourcedSerializer,
    SourcedWriteSerializer,
    brief_url,
)
from partnerships.api.serializers.briefs import BriefBoardSerializer, BriefOrganisationSerializer
from partnerships.models import Board, Organisation, Post


class SeatCountsMixin(serializers.Serializer):
    """Places filled and vacant on the date asked for, as annotated by
    ``Post.objects.with_counts(date)`` (partnerships.rules.seats), the one count every door
    shows."""

    filled = serializers.IntegerField(
        read_only=True, help_text="Places held on the date asked for."
    )
    vacancies = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text="Empty places on the date asked for; null when the papers give no number.",
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
