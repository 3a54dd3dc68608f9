import copy

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers


class BriefSerializer(serializers.ModelSerializer):
    """A related object in brief: its slug, name and API address, so a client rarely needs a
    second request. When the viewset marked the link private (``_public_<field>`` is False, see
    ``icsgov.visibility.mark_public_links``) the link is shown as null."""

    def get_attribute(self, instance):
        if getattr(instance, f"_public_{self.field_name}", True) is False:
            return None
        return super().get_attribute(instance)


class LinkField(serializers.HyperlinkedIdentityField):
    """The object's absolute API address, without the request's own ``?format=`` (DRF keeps
    it; a CSV row should link to the record, not to more CSV)."""

    def get_url(self, obj, view_name, request, format):
        path = super().get_url(obj, view_name, None, None)
        return request.build_absolute_uri(path) if request and path else path


def brief_url(view_name, lookup_field="slug"):
    return LinkField(view_name=f"api:{view_name}", lookup_field=lookup_field)


class ErrorSerializer(serializers.Serializer):
    """Every error answer (icsgov.api.exceptions)."""

    detail = serializers.CharField(help_text="What went wrong, in a sentence.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="For invalid input: the messages for each field ('non_field_errors' for the "
        "record as a whole).",
    )


class VisibleSlugField(serializers.SlugRelatedField):
    """A link written as the other record's slug, chosen among the records the client may see
    (an unpublished record of another system is as unknown as a misspelt slug)."""

    def __init__(self, model, **kwargs):
        self.model = model
        kwargs.setdefault("slug_field", "slug")
        super().__init__(**kwargs)

    def get_queryset(self):
        from icsgov.visibility import visible

        request = self.context.get("request")
        return visible(self.model._default_manager.all(), getattr(request, "user", None))


class VisibleIdField(serializers.PrimaryKeyRelatedField):
    """As VisibleSlugField, for records addressed by numeric id."""

    def __init__(self, model, **kwargs):
        self.model = model
        super().__init__(**kwargs)

    def get_queryset(self):
        from icsgov.visibility import visible

        request = self.context.get("request")
        return visible(self.model._default_manager.all(), getattr(request, "user", None))


def validation_error(error: DjangoValidationError) -> serializers.ValidationError:
    """A model's ValidationError as DRF's, keyed by field; ``__all__`` becomes
    ``non_field_errors``."""
    detail = serializers.as_serializer_error(error)
    if NON_FIELD_ERRORS in detail:
        detail["non_field_errors"] = detail.pop(NON_FIELD_ERRORS)
    return serializers.ValidationError(detail)


class WriteSerializer(serializers.ModelSerializer):
    """Input for creating and changing a record. ``validate`` applies the input to a copy of the
    record and calls the model's ``full_clean()`` (NetBox style), so every rule the admin and
    the import apply — field checks, the model's ``clean()`` (for appointments: seat capacity,
    one chair, no overlap), constraints — gives a 400 naming the field, before anything is saved.
    The answer to a write is the record as a read shows it (the viewset's read serializer)."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        instance = copy.copy(self.instance) if self.instance else self.Meta.model()
        for name, value in attrs.items():
            setattr(instance, name, value)
        try:
            instance.full_clean()
        except DjangoValidationError as error:
            raise validation_error(error) from None
        return attrs


class OptionalURLField(serializers.URLField):
    """A link that may be missing: null, not "" (an empty string is not a URI, and the schema
    promises one)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None
