from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.exceptions import ValidationError as DRFValidationError
from rest_framework.fields import DateField
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from icsgov.api.schema import writable
from icsgov.api.views import CachedReadMixin, RegistryViewSet, WritableRegistryViewSet
from icsgov.visibility import (
    mark_public_links,
    public_board,
    public_cluster,
    public_meeting,
    public_membership,
    public_organisation,
    public_person,
    visible,
)
from partnerships.api.popolo import PopoloExportSerializer, popolo_export
from partnerships.api.serializers import (
    AttendanceSerializer,
    AttendanceWriteSerializer,
    BoardDetailSerializer,
    BoardSerializer,
    DecisionSerializer,
    DecisionWriteSerializer,
    MeetingSerializer,
    MeetingWriteSerializer,
    MembershipSerializer,
    MembershipWriteSerializer,
    OrganisationSerializer,
    PersonSerializer,
    PersonWriteSerializer,
    PostSerializer,
    PostWriteSerializer,
    TermsOfReferenceSerializer,
)
from partnerships.filtersets import (
    AttendanceFilterSet,
    BoardFilterSet,
    DecisionFilterSet,
    MeetingFilterSet,
    MembershipFilterSet,
    OrganisationFilterSet,
    PersonFilterSet,
    PostFilterSet,
    TermsOfReferenceFilterSet,
)
from partnerships.models import (
    Attendance,
    Board,
    Decision,
    Meeting,
    Membership,
    Organisation,
    Person,
    Post,
    TermsOfReference,
)
from places.models import System

AS_AT_DETAIL = OpenApiParameter(
    "as_at",
    OpenApiTypes.DATE,
    description="Describe the record as at this date (YYYY-MM-DD); default today.",
)


class OrganisationViewSet(RegistryViewSet):
    """Partner organisations: ICBs, trusts, councils, Healthwatch, VCSE bodies..."""

    queryset = Organisation.objects.select_related("system").prefetch_related("identifiers")
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilterSet


@extend_schema_view(retrieve=extend_schema(parameters=[AS_AT_DETAIL]))
class BoardViewSet(RegistryViewSet):
    """Governance bodies of every kind. The detail describes the body as at ``as_at``
    (default today): members, seats with places filled and vacant, terms of reference in force,
    chair arrangement."""

    queryset = Board.objects.select_related("system", "place", "footprint", "cluster", "parent")
    serializer_class = BoardSerializer
    filterset_class = BoardFilterSet
    public_links = {"parent": public_board, "cluster": public_cluster}

    def get_serializer_class(self):
        return BoardDetailSerializer if self.action == "retrieve" else BoardSerializer

    def get_queryset(self):
        organisations = visible(Organisation.objects.all(), self.request.user)
        return (
            super()
            .get_queryset()
            .prefetch_related(
                Prefetch(
                    "convening_organisations",
                    queryset=organisations,
                    to_attr="visible_convening_organisations",
                )
            )
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action == "retrieve" and "slug" in self.kwargs:
            context.update(self.board_on_date(self.kwargs["slug"]))
        return context

    def board_on_date(self, slug):
        """Members, seats and terms of reference of the board as at the date asked for."""
        date, user = self.as_at, self.request.user
        members = visible(
            Membership.objects.filter(post__board__slug=slug).as_at(date), user
        ).select_related("person", "post", "on_behalf_of")
        members = mark_public_links(members, user, {"on_behalf_of": public_organisation})
        seats = visible(Post.objects.filter(board__slug=slug).as_at(date), user)
        seats = mark_public_links(
            seats.select_related("nominating_organisation"),
            user,
            {"nominating_organisation": public_organisation},
        ).prefetch_related(holders_on(date))
        terms = visible(
            TermsOfReference.objects.filter(board__slug=slug).in_force_on(date), user
        ).prefetch_related("clauses")
        terms = mark_public_links(
            terms.select_related("board", "approval_meeting"),
            user,
            {"approval_meeting": public_meeting},
        )
        return {"as_at": date, "members": list(members), "seats": seats, "terms": terms.first()}


def holders_on(date):
    """Prefetch of the appointments taking up a place on ``date`` (Post.holders_on's rule)."""
    return Prefetch(
        "memberships",
        queryset=Membership.objects.counting().as_at(date),
        to_attr="holders_on_date",
    )


@writable
class PersonViewSet(WritableRegistryViewSet):
    """People who hold or held seats. Contact details are never shown to anonymous clients."""

    queryset = Person.objects.all()
    serializer_class = PersonSerializer
    write_serializer_class = PersonWriteSerializer
    filterset_class = PersonFilterSet


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "as_at",
                OpenApiTypes.DATE,
                description="Seats in effect on this date; filled and vacancies are counted on "
                "it (default today).",
            )
        ]
    ),
    retrieve=extend_schema(parameters=[AS_AT_DETAIL]),
)
@writable
class PostViewSet(WritableRegistryViewSet):
    """Seats on bodies, with places filled and vacant on ``as_at`` (default today)."""

    queryset = Post.objects.select_related("board", "nominating_organisation")
    serializer_class = PostSerializer
    write_serializer_class = PostWriteSerializer
    filterset_class = PostFilterSet
    public_links = {"nominating_organisation": public_organisation}

    def get_queryset(self):
        return super().get_queryset().prefetch_related(holders_on(self.as_at))


@writable
class MembershipViewSet(WritableRegistryViewSet):
    """Appointments: a person in a seat, on behalf of an organisation, for a period. Ending an
    appointment is an edit (set ``end_date``), never a delete: DELETE is refused."""

    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    queryset = Membership.objects.select_related("person", "post__board", "on_behalf_of")
    serializer_class = MembershipSerializer
    write_serializer_class = MembershipWriteSerializer

    def http_method_not_allowed(self, request, *args, **kwargs):
        if request.method == "DELETE":
            raise MethodNotAllowed(
                "DELETE",
                detail="Appointments are not deleted: the record of who sat where stays. End "
                "this one by setting its end_date (PATCH).",
            )
        return super().http_method_not_allowed(request, *args, **kwargs)

    filterset_class = MembershipFilterSet
    public_links = {"on_behalf_of": public_organisation}


class TermsOfReferenceViewSet(RegistryViewSet):
    """Versions of bodies' terms of reference. Drafts are never public; ``as_at`` gives the
    version in force on a date."""

    queryset = TermsOfReference.objects.select_related(
        "board", "approval_meeting"
    ).prefetch_related("clauses")
    serializer_class = TermsOfReferenceSerializer
    filterset_class = TermsOfReferenceFilterSet
    public_links = {"approval_meeting": public_meeting}


@writable
class MeetingViewSet(WritableRegistryViewSet):
    """Meetings of bodies: scheduled, held or cancelled. Their attendance and decisions are
    the resources ``attendance`` and ``decisions``."""

    queryset = Meeting.objects.select_related("board", "host_organisation")
    serializer_class = MeetingSerializer
    write_serializer_class = MeetingWriteSerializer
    filterset_class = MeetingFilterSet
    public_links = {"host_organisation": public_organisation}


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
    public_links = {"deputy": public_person, "membership": public_membership}


@writable
class DecisionViewSet(WritableRegistryViewSet):
    """Decisions recorded at meetings, by numeric id. Anonymous clients see the decisions of
    published public meetings only."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    queryset = Decision.objects.select_related("meeting")
    serializer_class = DecisionSerializer
    write_serializer_class = DecisionWriteSerializer
    filterset_class = DecisionFilterSet


@extend_schema(
    parameters=[
        OpenApiParameter(
            "as_at",
            OpenApiTypes.DATE,
            description="Only records in effect on this date (YYYY-MM-DD); default all dates.",
        )
    ],
    responses={200: PopoloExportSerializer},
)
class SystemPopoloView(CachedReadMixin, APIView):
    """A system's persons, organizations (bodies and partner organisations), posts and
    memberships in Popolo JSON, as at a date if given. Published records only for anonymous
    clients; never contact details."""

    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]

    def get(self, request, slug):
        system = get_object_or_404(visible(System.objects.all(), request.user), slug=slug)
        raw = request.query_params.get("as_at")
        date = None
        if raw:
            try:
                date = DateField().to_internal_value(raw)
            except DRFValidationError:
                raise DRFValidationError(
                    {"as_at": [f"'{raw}' is not a date; use YYYY-MM-DD, e.g. 2023-04-01."]}
                ) from None
        data = popolo_export(system, request.user, date)
        return Response(PopoloExportSerializer(data).data)
