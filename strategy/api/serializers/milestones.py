from rest_framework import serializers

from icsgov.core.api.serializers import (
    SLUG_ON_CREATE,
    SOURCE,
    WRITE_SOURCE,
    LinkSlugField,
    SlugOnCreateMixin,
    SourcedSerializer,
    SourcedWriteSerializer,
    brief_url,
)
from partnerships.api.serializers import (
    BriefBoardSerializer,
    BriefMeetingSerializer,
    BriefOrganisationSerializer,
)
from partnerships.models import Board, Meeting, Organisation
from places.api.serializers import BriefPlaceSerializer, BriefSystemSerializer
from places.models import Place, System
from strategy.api.serializers.strategies import BriefStrategySerializer
from strategy.models import Milestone, Strategy
from strategy.models.milestones import milestone_when


class MilestoneSerializer(SourcedSerializer):
    url = brief_url("milestone-detail")
    when = serializers.CharField(read_only=True, help_text="The date at its precision, in words.")
    system = BriefSystemSerializer(read_only=True, allow_null=True)
    place = BriefPlaceSerializer(read_only=True, allow_null=True)
    strategy = BriefStrategySerializer(read_only=True, allow_null=True)
    board = BriefBoardSerializer(read_only=True, allow_null=True)
    meeting = BriefMeetingSerializer(read_only=True, allow_null=True)
    owner_board = BriefBoardSerializer(read_only=True, allow_null=True)
    owner_organisation = BriefOrganisationSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Milestone
        fields = [
            "slug",
            "url",
            "title",
            "description",
            "date",
            "precision",
            "date_end",
            "when",
            "recurrence",
            "recurrence_note",
            "status",
            "scope",
            "system",
            "place",
            "strategy",
            "board",
            "meeting",
            "owner_board",
            "owner_organisation",
            "cycle",
            "order",
            *SOURCE,
        ]

    #: The lean read (icsgov.core.api.lean): the date in words from its columns, by the
    #: milestone's own rule.
    lean_columns = {"when": ("recurrence", "recurrence_note", "date", "precision", "date_end")}

    def lean_when(self, request, *columns):
        return milestone_when(*columns)


class MilestoneWriteSerializer(SlugOnCreateMixin, SourcedWriteSerializer):
    system = LinkSlugField(
        System, required=False, allow_null=True, help_text="Slug of the system (none: national)."
    )
    place = LinkSlugField(Place, required=False, allow_null=True, help_text="Slug of the place.")
    strategy = LinkSlugField(
        Strategy, required=False, allow_null=True, help_text="Slug of the strategy."
    )
    board = LinkSlugField(
        Board, required=False, allow_null=True, help_text="Slug of the body it concerns."
    )
    meeting = LinkSlugField(
        Meeting, required=False, allow_null=True, help_text="Slug of the meeting."
    )
    owner_board = LinkSlugField(
        Board, required=False, allow_null=True, help_text="Slug of the body responsible."
    )
    owner_organisation = LinkSlugField(
        Organisation,
        required=False,
        allow_null=True,
        help_text="Slug of the organisation responsible.",
    )

    class Meta:
        model = Milestone
        fields = [
            "slug",
            "title",
            "description",
            "date",
            "precision",
            "date_end",
            "recurrence",
            "recurrence_note",
            "status",
            "scope",
            "system",
            "place",
            "strategy",
            "board",
            "meeting",
            "owner_board",
            "owner_organisation",
            "cycle",
            "order",
            *WRITE_SOURCE,
        ]
        extra_kwargs = SLUG_ON_CREATE
