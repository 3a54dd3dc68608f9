from rest_framework import serializers

from icsgov.api.serializers import (
    BriefSerializer,
    OptionalURLField,
    VisibleSlugField,
    WriteSerializer,
    brief_url,
)
from partnerships.api.serializers import (
    SLUG_ON_CREATE,
    WRITE_SOURCE,
    BriefBoardSerializer,
    BriefMeetingSerializer,
    BriefOrganisationSerializer,
    SlugOnCreateMixin,
)
from partnerships.models import Board, Meeting, Organisation
from places.api.serializers import SOURCE, BriefPlaceSerializer, BriefSystemSerializer
from places.models import Place, System
from strategy.models import GlossaryTerm, Milestone, Priority, Strategy


class BriefStrategySerializer(BriefSerializer):
    url = brief_url("strategy-detail")

    class Meta:
        model = Strategy
        fields = ["slug", "name", "url"]


class StrategySerializer(serializers.ModelSerializer):
    url = brief_url("strategy-detail")
    system = BriefSystemSerializer(read_only=True)
    place = BriefPlaceSerializer(read_only=True, allow_null=True)
    owner_board = BriefBoardSerializer(read_only=True, allow_null=True)
    based_on = BriefStrategySerializer(read_only=True, allow_null=True)
    published_url = OptionalURLField(
        source="url", help_text="Where the strategy is published; null if not known."
    )

    class Meta:
        model = Strategy
        fields = [
            "slug",
            "url",
            "name",
            "kind",
            "status",
            "system",
            "place",
            "owner_board",
            "period_start",
            "period_end",
            "due_date",
            "due_precision",
            "published_on",
            "published_url",
            "description",
            "based_on",
            *SOURCE,
        ]


class PrioritySerializer(serializers.ModelSerializer):
    """Priorities have no slug: they are addressed by their numeric ``id``."""

    url = brief_url("priority-detail", lookup_field="pk")
    strategy = BriefStrategySerializer(read_only=True)

    class Meta:
        model = Priority
        fields = ["id", "url", "strategy", "order", "name", "description", "status", *SOURCE]


class MilestoneSerializer(serializers.ModelSerializer):
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


class GlossaryTermSerializer(serializers.ModelSerializer):
    """Glossary terms have no slug: they are addressed by their numeric ``id``."""

    url = brief_url("glossary-detail", lookup_field="pk")
    system = BriefSystemSerializer(read_only=True, allow_null=True)

    class Meta:
        model = GlossaryTerm
        fields = ["id", "url", "term", "acronym", "explanation", "system", *SOURCE]


class MilestoneWriteSerializer(SlugOnCreateMixin, WriteSerializer):
    system = VisibleSlugField(
        System, required=False, allow_null=True, help_text="Slug of the system (none: national)."
    )
    place = VisibleSlugField(Place, required=False, allow_null=True, help_text="Slug of the place.")
    strategy = VisibleSlugField(
        Strategy, required=False, allow_null=True, help_text="Slug of the strategy."
    )
    board = VisibleSlugField(
        Board, required=False, allow_null=True, help_text="Slug of the body it concerns."
    )
    meeting = VisibleSlugField(
        Meeting, required=False, allow_null=True, help_text="Slug of the meeting."
    )
    owner_board = VisibleSlugField(
        Board, required=False, allow_null=True, help_text="Slug of the body responsible."
    )
    owner_organisation = VisibleSlugField(
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
