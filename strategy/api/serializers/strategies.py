from icsgov.core.api.serializers import (
    SOURCE,
    BriefSerializer,
    OptionalURLField,
    SourcedSerializer,
    brief_url,
)
from partnerships.api.serializers import BriefBoardSerializer
from places.api.serializers import BriefPlaceSerializer, BriefSystemSerializer
from strategy.models import Chapter, Priority, Strategy


class BriefStrategySerializer(BriefSerializer):
    url = brief_url("strategy-detail")

    class Meta:
        model = Strategy
        fields = ["slug", "name", "url"]


class StrategySerializer(SourcedSerializer):
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
            "period_start_precision",
            "period_end",
            "period_end_precision",
            "due_date",
            "due_precision",
            "published_on",
            "published_precision",
            "published_url",
            "description",
            "healthwatch_involvement",
            "public_involvement",
            "hwb_statements",
            "based_on",
            *SOURCE,
        ]


class PrioritySerializer(SourcedSerializer):
    """Priorities have no slug: they are addressed by their numeric ``id``."""

    url = brief_url("priority-detail", lookup_field="pk")
    strategy = BriefStrategySerializer(read_only=True)

    class Meta:
        model = Priority
        fields = ["id", "url", "strategy", "order", "name", "description", "status", *SOURCE]


class ChapterSerializer(SourcedSerializer):
    """A chapter of a strategy with the body that owns it and the body overseeing it (null when
    that body is not public). Chapters have no slug: they are addressed by numeric ``id``."""

    url = brief_url("chapter-detail", lookup_field="pk")
    strategy = BriefStrategySerializer(read_only=True)
    place = BriefPlaceSerializer(read_only=True, allow_null=True)
    owner_board = BriefBoardSerializer(read_only=True, allow_null=True)
    overseen_by = BriefBoardSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Chapter
        fields = [
            "id",
            "url",
            "strategy",
            "number",
            "title",
            "scope",
            "place",
            "owner_board",
            "overseen_by",
            "description",
            *SOURCE,
        ]


class StrategyDetailSerializer(StrategySerializer):
    """A strategy with its chapters (in number order) and priorities (in order), those the
    client may see, as ``StrategyViewSet`` prefetches them."""

    chapters = ChapterSerializer(source="visible_chapters", many=True, read_only=True)
    priorities = PrioritySerializer(source="visible_priorities", many=True, read_only=True)

    class Meta(StrategySerializer.Meta):
        fields = [*StrategySerializer.Meta.fields, "chapters", "priorities"]
