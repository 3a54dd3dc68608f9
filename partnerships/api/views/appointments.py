from rest_framework.exceptions import MethodNotAllowed

from icsgov.core.api.schema import writable
from icsgov.core.api.views import WritableRegistryViewSet
from partnerships.api.serializers import MembershipSerializer, MembershipWriteSerializer
from partnerships.filtersets import MembershipFilterSet
from partnerships.models import Membership


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
