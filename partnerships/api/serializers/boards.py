from rest_framework import serializers

from icsgov.core.api import lean
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
from partnerships.rules.chairs import is_chair_from
from partnerships.selectors import BoardOnDate, board_on_querysets
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
    filled and vacant, its terms of reference in force and its chair arrangement — the reads of
    ``partnerships.selectors.board_on`` that the board page shows too, made into answers by
    ``board_on_answers`` and given in the context as ``board_on``."""

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
        return self.context["board_on"].members

    def get_seats(self, board) -> BoardSeatSerializer(many=True):
        return self.context["board_on"].seats

    def get_terms_of_reference(self, board) -> TermsOfReferenceSerializer(allow_null=True):
        return self.context["board_on"].terms

    def get_chair(self, board) -> ChairArrangementSerializer:
        return {
            "model": board.chair_model,
            "label": board.get_chair_model_display(),
            "several_chairs_allowed": board.allows_several_chairs,
            "chairs": self.context["board_on"].chairs,
        }


def board_on_answers(board, date, request, context) -> BoardOnDate:
    """``partnerships.selectors.board_on`` as the API answers it: the members and seats read
    as tuples and made into BoardMemberSerializer's and BoardSeatSerializer's answers without
    model instances (icsgov.core.api.lean.answers), the chairs among the members by the one rule
    (partnerships.rules.chairs), the terms of reference through their serializer."""
    members, seats, terms = board_on_querysets(board, date, request.user)
    members = lean.answers(BoardMemberSerializer(), members, request, "kind", "post__role")
    seats = [answer for (answer,) in lean.answers(BoardSeatSerializer(), seats, request)]
    terms = terms.first()
    return BoardOnDate(
        board,
        date,
        [answer for answer, _, _ in members],
        [answer for answer, kind, role in members if is_chair_from(kind, role)],
        seats,
        None if terms is None else TermsOfReferenceSerializer(terms, context=context).data,
    )
