from icsgov.core.api.schema import writable
from icsgov.core.api.views import WritableRegistryViewSet
from partnerships.api.serializers import PersonSerializer, PersonWriteSerializer
from partnerships.filtersets import PersonFilterSet
from partnerships.models import Person


@writable
class PersonViewSet(WritableRegistryViewSet):
    """People who hold or held seats. Contact details are never shown to anonymous clients."""

    queryset = Person.objects.all()
    serializer_class = PersonSerializer
    write_serializer_class = PersonWriteSerializer
    filterset_class = PersonFilterSet
