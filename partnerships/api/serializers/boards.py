from rest_framework import serializers

from icsgov.core.api.serializers import (
    DATED,
    SOURCE,
    SourcedSerializer,
    brief_url,
)
from partnerships.api.serializers.appointments import BoardMemberSerializer
from partnerships.api.serializers.briefs import (
    BriefBoardSerializer,
    BriefOrganisationSerializer,
)
from partnerships.api.serializers.seats import BoardSeatSerializer
from partnerships.api.serializers.terms import TermsOfReferenceSerializer
from partnerships.models import Board
from places.api.serializers import (
    BriefClusterSerializer,
    BriefFootprintSerializer,
    BriefPlaceSerializer,
    BriefSystemSerializer,
)


class BoardSerializer(SourcedSerializer):
    url = brief_url("board-detail")
    system = BriefSystemSerializer(read_only=True)
    place = BriefPlaceSerializer(read_only=True, allow_null=True)
    footprint = BriefFootprintSerializer(read_only=True, allow_null=True)
    cluster = BriefClusterSerializer(read_only=True, allow_null=True)
    parent = BriefBoardSerializer(read_only=True, allow_null=True)
    convening_organisations = BriefOrganisationSerializer(
        source="visible_convening_organisations", many=True, read_only=True
    )
    predecessors = BriefBoardSerializer(
        source="visible_predecessors",
        many=True,
        read_only=True,
        help_text="Bodies this one replaced (those you may see).",
    )
    successors = BriefBoardSerializer(
        source="visible_successors",
        many=True,
        read_only=True,
        help_text="Bodies that replaced this one (those you may see).",
    )

    class Meta:
        model = Board
        fields = [
            "slug",
            "url",
            "name",
            "short_name",
            "kind",
            "status",
            "system",
            "place",
            "footprint",
            "cluster",
            "parent",
            "convening_organisations",
            "predecessors",
            "successors",
            "chair_model",
            "meets_in_public",
            "purpose",
            "attendance_expectation",
            *DATED,
            "end_reason",
            *SOURCE,
        ]


class ChairArrangementSerializer(serializers.Serializer):
    model = serializers.CharField(help_text="The chair model (Board.chair_model).")
    label = serializers.CharField(help_text="The chair model in words.")
    several_chairs_allowed = serializers.BooleanField(
        help_text="Whether co-chairs or rotation let more than one person chair at once."
    )
    chairs = BoardMemberSerializer(many=True, help_text="Who holds a chairing seat on the date.")


class BoardDetailSerializer(BoardSerializer):
    """A board as at a date (``?as_at=``, default today): its members, its seats with places
    filled and vacant, its terms of reference in force and its chair arrangement — the read
    model ``partnerships.selectors.board_on`` that the board page shows too, given in the
    context as ``board_on``."""

    as_at = serializers.SerializerMethodField(help_text="The date the board is described at.")
    members = serializers.SerializerMethodField()
    seats = serializers.SerializerMethodField()
    terms_of_reference = serializers.SerializerMethodField(
        help_text="The ratified version in force on the date, or null."
    )
    chair = serializers.SerializerMethodField()

    class Meta(BoardSerializer.Meta):
        fields = [
            *BoardSerializer.Meta.fields,
            "as_at",
            "chair",
            "members",
            "seats",
            "terms_of_reference",
        ]

    def get_as_at(self, board) -> str:
        return self.context["board_on"].date.isoformat()

    def get_members(self, board) -> BoardMemberSerializer(many=True):
        members = self.context["board_on"].members
        return BoardMemberSerializer(members, many=True, context=self.context).data

    def get_seats(self, board) -> BoardSeatSerializer(many=True):
        seats = self.context["board_on"].seats
        return BoardSeatSerializer(seats, many=True, context=self.context).data

    def get_terms_of_reference(self, board) -> TermsOfReferenceSerializer(allow_null=True):
        terms = self.context["board_on"].terms
        if terms is None:
            return None
        return TermsOfReferenceSerializer(terms, context=self.context).data

    def get_chair(self, board) -> ChairArrangementSerializer:
        return ChairArrangementSerializer(
            {
                "model": board.chair_model,
                "label": board.get_chair_model_display(),
                "several_chairs_allowed": board.allows_several_chairs,
                "chairs": self.context["board_on"].chairs,
            },
            context=self.context,
        ).data
