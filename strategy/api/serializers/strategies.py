from icsgov.core.api.serializers import (
    SOURCE,
    BriefSerializer,
    OptionalURLField,
    SourcedSerializer,
    brief_url,
)
from partnerships.api.serializers import BriefBoardSerializer
from places.api.serializers import BriefPlaceSerializer, BriefSystemSerializer
from strategy.models import Priority, Strategy


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
            "period_end",
            "due_date",
            "due_precision",
            "published_on",
            "published_url",
            "description",
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
