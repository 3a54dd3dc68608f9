from rest_framework import serializers

from icsgov.core.api.serializers import (
    SOURCE,
    OptionalURLField,
    SourcedSerializer,
    brief_url,
)
from partnerships.api.serializers.briefs import (
    BriefBoardSerializer,
    BriefMeetingSerializer,
    BriefTermsSerializer,
)
from partnerships.models import Principle, TermsClause, TermsOfReference


class TermsClauseSerializer(serializers.ModelSerializer):
    """A clause as its version lists it; ``url`` gives the clause with its source."""

    url = brief_url("termsclause-detail", lookup_field="pk")

    class Meta:
        model = TermsClause
        fields = ["id", "url", "order", "topic", "heading", "text"]


class TermsOfReferenceSerializer(SourcedSerializer):
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
            "quorum_percent",
            "quorum_voting_only",
            "quorum_sectors",
            "quorum_organisation_kinds",
            "substitutes_allowed",
            "substitutes_count_for_quorum",
            "substitutes_vote",
            "attendance_expectation_percent",
            "document_url",
            "clauses",
            *SOURCE,
        ]


class TermsClauseDetailSerializer(SourcedSerializer):
    """A clause of a terms-of-reference version, addressed by numeric ``id``, with its version
    and body."""

    url = brief_url("termsclause-detail", lookup_field="pk")
    terms = BriefTermsSerializer(read_only=True)
    board = BriefBoardSerializer(source="terms.board", read_only=True)

    class Meta:
        model = TermsClause
        fields = ["id", "url", "terms", "board", "order", "topic", "heading", "text", *SOURCE]


class PrincipleSerializer(SourcedSerializer):
    """A principle a body adopted, addressed by numeric ``id`` (principles have no slug)."""

    url = brief_url("principle-detail", lookup_field="pk")
    board = BriefBoardSerializer(read_only=True)

    class Meta:
        model = Principle
        fields = ["id", "url", "board", "number", "title", "text", "adopted_on", *SOURCE]
