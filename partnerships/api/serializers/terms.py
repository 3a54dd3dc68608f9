from rest_framework import serializers

from icsgov.core.api.serializers import (
    SOURCE,
    OptionalURLField,
    SourcedSerializer,
    brief_url,
)
from partnerships.api.serializers.briefs import BriefBoardSerializer, BriefMeetingSerializer
from partnerships.models import TermsClause, TermsOfReference


class TermsClauseSerializer(serializers.ModelSerializer):
    class Meta:
        model = TermsClause
        fields = ["order", "topic", "heading", "text"]


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
            "document_url",
            "clauses",
            *SOURCE,
        ]
