from django.db.models import Prefetch

from icsgov.core.api.schema import writable
from icsgov.core.api.views import RegistryViewSet, WritableRegistryViewSet
from partnerships.api.serializers import (
    AgendaItemSerializer,
    AttendanceSerializer,
    AttendanceWriteSerializer,
    DecisionSerializer,
    DecisionWriteSerializer,
    MeetingCycleSerializer,
    MeetingDetailSerializer,
    MeetingPaperSerializer,
    MeetingSerializer,
    MeetingWriteSerializer,
)
from partnerships.choices import MeetingStatus
from partnerships.filtersets import (
    AgendaItemFilterSet,
    AttendanceFilterSet,
    DecisionFilterSet,
    MeetingCycleFilterSet,
    MeetingFilterSet,
    MeetingPaperFilterSet,
)
from partnerships.models import (
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    MeetingCycle,
    MeetingPaper,
)


@writable
class MeetingViewSet(WritableRegistryViewSet):
    """Meetings of bodies: scheduled, held or cancelled. Their attendance and decisions are
    the resources ``attendance`` and ``decisions``."""

    queryset = Meeting.objects.select_related("board", "host_organisation")
    serializer_class = MeetingSerializer
    write_serializer_class = MeetingWriteSerializer
    filterset_class = MeetingFilterSet

    def get_serializer_class(self):
        if self.action == "retrieve":
            return MeetingDetailSerializer
        return super().get_serializer_class()


@writable
class AttendanceViewSet(WritableRegistryViewSet):
    """Who attended a meeting (present, apologies, a deputy, absent), by numeric id. Anonymous
    clients see the attendance of published public meetings only."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = Attendance.objects.select_related("meeting", "person", "membership", "deputy")
    serializer_class = AttendanceSerializer
    write_serializer_class = AttendanceWriteSerializer
    filterset_class = AttendanceFilterSet


@writable
class DecisionViewSet(WritableRegistryViewSet):
    """Decisions recorded at meetings, and recommendations with no decision recorded
    (``is_decision`` false; ``?recorded=decision`` for the decision register), by numeric id.
    Filter by key decision, outcome and date. Anonymous clients see those of published public
    meetings only, never those taken under an exempt agenda item."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = Decision.objects.select_related("meeting__board", "agenda_item").prefetch_related(
        "decided_by"
    )
    serializer_class = DecisionSerializer
    write_serializer_class = DecisionWriteSerializer
    filterset_class = DecisionFilterSet


class MeetingPaperViewSet(RegistryViewSet):
    """Papers for meetings, by numeric id. Anonymous clients see the papers marked public of
    published meetings held in public; never those of private meetings."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = MeetingPaper.objects.select_related("meeting__board", "agenda_item")
    serializer_class = MeetingPaperSerializer
    filterset_class = MeetingPaperFilterSet


class AgendaItemViewSet(RegistryViewSet):
    """Items on meetings' agendas, by numeric id, in order: public, or exempt with the reason
    the public was excluded. Anonymous clients see the agendas of published meetings held in
    public."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = AgendaItem.objects.select_related("meeting")
    serializer_class = AgendaItemSerializer
    filterset_class = AgendaItemFilterSet


class MeetingCycleViewSet(RegistryViewSet):
    """Bodies' regular cycles of meetings ("May/June each year"), by numeric id, each with the
    meetings it plans that are not yet scheduled (shown as planned, never as dated meetings)."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = MeetingCycle.objects.select_related("board").prefetch_related(
        Prefetch(
            "board__meetings",
            queryset=Meeting.objects.exclude(status=MeetingStatus.CANCELLED).only(
                "id", "board_id", "date"
            ),
            to_attr="not_cancelled",
        )
    )
    serializer_class = MeetingCycleSerializer
    filterset_class = MeetingCycleFilterSet
