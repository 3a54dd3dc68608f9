from django.utils.functional import cached_property
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
from partnerships.choices import ChairModel
from partnerships.models import Board
from partnerships.rules.chairs import is_chair_from
from partnerships.selectors import board_on_querysets
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
    """A board as at a date (``?as_at=``, default today, given in the context as ``as_at``):
    its members, its seats with places filled and vacant, its terms of reference in force and
    its chair arrangement — the reads of ``partnerships.selectors.board_on`` that the board page
    shows too, made into answers by ``BoardOnAnswers``, each read only when its field is asked
    for (``?fields=``). Read lean as a page of one (icsgov.core.api.lean): the board's own
    fields from its row, these from the same answers."""

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
        return self.context["as_at"].isoformat()

    def get_members(self, board) -> BoardMemberSerializer(many=True):
        return BoardOnAnswers.of(self.context, board.pk).members

    def get_seats(self, board) -> BoardSeatSerializer(many=True):
        return BoardOnAnswers.of(self.context, board.pk).seats

    def get_terms_of_reference(self, board) -> TermsOfReferenceSerializer(allow_null=True):
        return BoardOnAnswers.of(self.context, board.pk).terms

    def get_chair(self, board) -> ChairArrangementSerializer:
        return chair_arrangement(board.chair_model, BoardOnAnswers.of(self.context, board.pk))

    #: The lean read (icsgov.core.api.lean): the detail is a page of one board.
    lean_page_fields = ("as_at", "chair", "members", "seats", "terms_of_reference")
    lean_page_columns = {"chair": ("chair_model",)}

    def lean_page_as_at(self, context, pks):
        return dict.fromkeys(pks, context["as_at"].isoformat())

    def lean_page_members(self, context, pks):
        return {pk: BoardOnAnswers.of(context, pk).members for pk in pks}

    def lean_page_seats(self, context, pks):
        return {pk: BoardOnAnswers.of(context, pk).seats for pk in pks}

    def lean_page_terms_of_reference(self, context, pks):
        return {pk: BoardOnAnswers.of(context, pk).terms for pk in pks}

    def lean_page_chair(self, context, pks, values):
        return {pk: chair_arrangement(values[pk][0], BoardOnAnswers.of(context, pk)) for pk in pks}


def chair_arrangement(chair_model, on) -> dict:
    """A body's chair arrangement (ChairArrangementSerializer): its chair model, in words,
    whether it lets several chair at once (ChairModel's rule), and who chairs on the date."""
    return {
        "model": chair_model,
        "label": _CHAIR_MODELS.get(chair_model, chair_model),  # as get_chair_model_display
        "several_chairs_allowed": chair_model in ChairModel.allowing_several_chairs(),
        "chairs": on.chairs,
    }


#: The chair models in words, by code (the field's choices), made once.
_CHAIR_MODELS = dict(Board._meta.get_field("chair_model").flatchoices)


class BoardOnAnswers:
    """``partnerships.selectors.board_on`` as the API answers it, for one body on the context's
    ``as_at`` date: the members and seats read as tuples and made into BoardMemberSerializer's
    and BoardSeatSerializer's answers without model instances (icsgov.core.api.lean.answers),
    the chairs among the members by the one rule (partnerships.rules.chairs), the terms of
    reference through their serializer — each read when first asked for, once per request."""

    def __init__(self, board, context):
        self.board, self.context = board, context
        self.request = context["request"]

    @classmethod
    def of(cls, context, board) -> "BoardOnAnswers":
        """The answers for ``board`` (a pk) kept in ``context`` (one request's)."""
        kept = context.setdefault("_board_on_answers", {})
        if board not in kept:
            kept[board] = cls(board, context)
        return kept[board]

    @cached_property
    def _querysets(self):
        return board_on_querysets(self.board, self.context["as_at"], self.request.user)

    @cached_property
    def _members(self):
        return lean.answers(
            BoardMemberSerializer(), self._querysets[0], self.request, "kind", "post__role"
        )

    @property
    def members(self) -> list:
        return [answer for answer, _, _ in self._members]

    @property
    def chairs(self) -> list:
        return [answer for answer, kind, role in self._members if is_chair_from(kind, role)]

    @cached_property
    def seats(self) -> list:
        return [
            answer
            for (answer,) in lean.answers(BoardSeatSerializer(), self._querysets[1], self.request)
        ]

    @cached_property
    def terms(self):
        terms = self._querysets[2].first()
        if terms is None:
            return None
        return TermsOfReferenceSerializer(terms, context=self.context).data
