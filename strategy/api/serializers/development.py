from rest_framework import serializers

from icsgov.core.api.serializers import (
    DATED,
    SOURCE,
    BriefSerializer,
    SourcedSerializer,
    brief_url,
)
from partnerships.api.serializers import BriefBoardSerializer
from places.api.serializers import BriefPlaceSerializer, BriefSystemSerializer
from strategy.models import DevelopmentItem, MaturityPeriod, MaturityStatement, MaturityTimeline


class DevelopmentItemSerializer(SourcedSerializer):
    """A row of a body's or a place's development table."""

    url = brief_url("developmentitem-detail")
    board = BriefBoardSerializer(read_only=True, allow_null=True)
    place = BriefPlaceSerializer(read_only=True, allow_null=True)
    system = serializers.SerializerMethodField(help_text="System of the body or place.")
    due = serializers.CharField(
        read_only=True, help_text="The due date at its precision, in words."
    )

    class Meta:
        model = DevelopmentItem
        fields = [
            "slug",
            "url",
            "area",
            "development_required",
            "due_date",
            "due_precision",
            "due",
            "status",
            "order",
            "board",
            "place",
            "system",
            *SOURCE,
        ]

    def get_system(self, item) -> BriefSystemSerializer:
        owner = item.board if item.board_id else item.place
        return BriefSystemSerializer(owner.system, context=self.context).data


class BriefMaturityTimelineSerializer(BriefSerializer):
    url = brief_url("maturitytimeline-detail")
    name = serializers.CharField(source="subject", read_only=True)

    class Meta:
        model = MaturityTimeline
        fields = ["slug", "name", "url"]


class BriefMaturityPeriodSerializer(BriefSerializer):
    url = brief_url("maturityperiod-detail", lookup_field="pk")

    class Meta:
        model = MaturityPeriod
        fields = ["id", "label", "url"]


PERIOD = ["order", "label", *DATED, "when"]
STATEMENT = ["domain", "period", "order", "text"]


class MaturityPeriodSerializer(serializers.ModelSerializer):
    """A column of a maturity timeline, as its timeline lists it."""

    url = brief_url("maturityperiod-detail", lookup_field="pk")
    when = serializers.CharField(read_only=True, help_text="The period at its precision, in words.")

    class Meta:
        model = MaturityPeriod
        fields = ["id", "url", *PERIOD]


class MaturityPeriodDetailSerializer(MaturityPeriodSerializer):
    """A column of a maturity timeline, with its timeline, addressed by numeric ``id``."""

    timeline = BriefMaturityTimelineSerializer(read_only=True)

    class Meta(MaturityPeriodSerializer.Meta):
        fields = ["id", "url", "timeline", *PERIOD]


class MaturityStatementSerializer(serializers.ModelSerializer):
    """One cell of a maturity timeline, as its timeline lists it: what is expected in a domain
    by a period."""

    url = brief_url("maturitystatement-detail", lookup_field="pk")
    period = BriefMaturityPeriodSerializer(read_only=True)

    class Meta:
        model = MaturityStatement
        fields = ["id", "url", *STATEMENT]


class MaturityStatementDetailSerializer(MaturityStatementSerializer):
    """One cell of a maturity timeline, with its timeline, addressed by numeric ``id``."""

    timeline = BriefMaturityTimelineSerializer(read_only=True)

    class Meta(MaturityStatementSerializer.Meta):
        fields = ["id", "url", "timeline", *STATEMENT]


class MaturityTimelineSerializer(SourcedSerializer):
    """A domain × period table of how something should mature, with its periods (columns)."""

    url = brief_url("maturitytimeline-detail")
    system = BriefSystemSerializer(read_only=True)
    periods = MaturityPeriodSerializer(many=True, read_only=True)

    class Meta:
        model = MaturityTimeline
        fields = ["slug", "url", "subject", "system", "periods", *SOURCE]


class MaturityTimelineDetailSerializer(MaturityTimelineSerializer):
    """A maturity timeline with its periods and its statements (the cells: by domain, then
    period, then order)."""

    statements = MaturityStatementSerializer(many=True, read_only=True)

    class Meta(MaturityTimelineSerializer.Meta):
        fields = [*MaturityTimelineSerializer.Meta.fields, "statements"]
