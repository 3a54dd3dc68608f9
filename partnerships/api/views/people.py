from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from icsgov.core.api.schema import writable
from icsgov.core.api.views import WritableRegistryViewSet
from icsgov.core.visibility import visible
from partnerships.api.serializers import (
    AttendanceRecordSerializer,
    PersonSerializer,
    PersonWriteSerializer,
)
from partnerships.api.views.params import attendance_year, attendance_year_parameter
from partnerships.filtersets import PersonFilterSet
from partnerships.models import Board, Membership, Person
from partnerships.selectors import attendance_records, attendance_years


@writable
class PersonViewSet(WritableRegistryViewSet):
    """People who hold or held seats. Contact details are never shown to anonymous clients."""

    queryset = Person.objects.all()
    serializer_class = PersonSerializer
    write_serializer_class = PersonWriteSerializer
    filterset_class = PersonFilterSet

    @extend_schema(
        parameters=[attendance_year_parameter("the latest in which one of their bodies met")],
        responses=AttendanceRecordSerializer(many=True),
    )
    @action(detail=True, url_path="attendance", pagination_class=None, filterset_class=None)
    def attendance(self, request, slug=None):
        """The person's attendance in a calendar year at each body where they held a seat
        (``?year=``; also ``?format=csv``), counted as a body's attendance is: meetings held
        while they held the seat, in person, virtually, a substitute sent, apologies, absent,
        not recorded apart, the rate and the body's expectation."""
        person = self.get_object()
        memberships = visible(Membership.objects.filter(person=person), request.user)
        boards = Board.objects.filter(posts__memberships__in=memberships).distinct()
        year = attendance_year(request, attendance_years(boards))
        records = (
            attendance_records(
                memberships.order_by("post__board__name", "post__label", "start_date"), year
            )
            if year
            else []
        )
        data = AttendanceRecordSerializer(records, many=True, context={"request": request}).data
        return Response({"person": person.slug, "year": year, "results": data})
