from icsgov.core.api.serializers import SOURCE, OptionalURLField, SourcedSerializer, brief_url
from partnerships.api.serializers import BriefBoardSerializer, BriefOrganisationSerializer
from places.api.serializers import BriefSystemSerializer
from strategy.api.serializers.strategies import BriefStrategySerializer
from strategy.models import NeedsAssessment, Reconsideration


class NeedsAssessmentSerializer(SourcedSerializer):
    """A joint strategic needs assessment the system's integrated care partnership received,
    with when it was published and received at their precision (null: not recorded). Addressed
    by numeric ``id``."""

    url = brief_url("needsassessment-detail", lookup_field="pk")
    system = BriefSystemSerializer(read_only=True)
    council = BriefOrganisationSerializer(read_only=True)
    health_and_wellbeing_board = BriefBoardSerializer(read_only=True, allow_null=True)
    published_url = OptionalURLField(
        source="url", help_text="Where the assessment is published; null if not known."
    )

    class Meta:
        model = NeedsAssessment
        fields = [
            "id",
            "url",
            "title",
            "system",
            "council",
            "health_and_wellbeing_board",
            "published_on",
            "published_precision",
            "received_on",
            "received_precision",
            "published_url",
            *SOURCE,
        ]


class ReconsiderationSerializer(SourcedSerializer):
    """A time the integrated care partnership considered whether to revise its integrated care
    strategy (s116ZB(6)), and the outcome. Addressed by numeric ``id``."""

    url = brief_url("reconsideration-detail", lookup_field="pk")
    strategy = BriefStrategySerializer(read_only=True)

    class Meta:
        model = Reconsideration
        fields = [
            "id",
            "url",
            "strategy",
            "considered_on",
            "considered_precision",
            "outcome",
            "notes",
            *SOURCE,
        ]
