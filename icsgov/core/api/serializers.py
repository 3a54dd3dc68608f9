import copy

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import NoReverseMatch, reverse
from rest_framework import serializers
from rest_framework.fields import SkipField
from rest_framework.relations import Hyperlink, PKOnlyObject

from icsgov.core.dates import format_date
from icsgov.core.models import Source, SourcedModel

#: The fields of icsgov.core.models.ValidityPeriod and SourcedModel, as every answer lists them
#: (a serializer listing SOURCE derives from SourcedSerializer or SourcedWriteSerializer).
DATED = ["start_date", "start_precision", "end_date", "end_precision"]
SOURCE = ["source", "source_section", "known_as_of"]


#: Field classes whose ``to_representation`` of a stored value is ``str`` (DRF's own).
_STR_FIELDS = (serializers.CharField, serializers.SlugField, serializers.EmailField)


class ReadSerializer(serializers.ModelSerializer):
    """A ModelSerializer whose answers are made with less machinery, the same answers: each
    field that shows one of the model's own columns as it is (a plain ``source``) is read with
    ``getattr`` and converted by the field itself (``str`` for text), without DRF's attribute
    lookup per field and row; every other field — links, nested records, methods, dotted
    sources — goes through DRF as before. The plan is made once per serializer instance (once
    per list: a list's rows share one child), after ``?fields=`` has trimmed the fields."""

    def _read_plan(self):
        model = getattr(getattr(self, "Meta", None), "model", None)
        columns = (
            {f.attname for f in model._meta.concrete_fields if not f.is_relation}
            if model
            else set()
        )
        plan = []
        for field in self._readable_fields:
            attrs = field.source_attrs
            plain = (
                len(attrs) == 1
                and attrs[0] in columns
                and not isinstance(field, serializers.BaseSerializer)
                and type(field).get_attribute is serializers.Field.get_attribute
            )
            if not plain:
                plan.append((field.field_name, None, None, field))
            elif type(field) in _STR_FIELDS:
                plan.append((field.field_name, attrs[0], str, field))
            else:
                plan.append((field.field_name, attrs[0], field.to_representation, field))
        return plan

    def to_representation(self, instance):
        model = getattr(getattr(self, "Meta", None), "model", None)
        if model is None or not isinstance(instance, model):
            return super().to_representation(instance)
        plan = self.__dict__.get("_plan")
        if plan is None:
            plan = self.__dict__["_plan"] = self._read_plan()
        ret = {}
        for name, attname, convert, field in plan:
            if attname is not None:
                value = getattr(instance, attname)
                ret[name] = None if value is None else convert(value)
                continue
            try:
                attribute = field.get_attribute(instance)
            except SkipField:
                continue
            check = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
            ret[name] = None if check is None else field.to_representation(attribute)
        return ret


class BriefSerializer(ReadSerializer):
    """A related object in brief: its slug, name and API address, so a client rarely needs a
    second request. A link the viewer may not follow (icsgov.core.visibility.shown) is null."""

    def get_attribute(self, instance):
        # The mark icsgov.core.visibility.visible() puts on each declared link.
        if getattr(instance, f"_public_{self.field_name}", True) is False:
            return None
        return super().get_attribute(instance)


def _plain(value: str) -> bool:
    """Whether ``value`` is a value a URL carries as it is (reverse() quotes nothing in it): a
    slug or an id, ``[-A-Za-z0-9_]+``. String methods, not a regular expression: this is asked
    for every link of every row (500 times for a list of 100 appointments)."""
    return value.isascii() and value.replace("-", "a").replace("_", "a").isalnum()


_MARKER = "icsgov0link0marker"


def absolute_link(request, view_name, lookup, value) -> str:
    """``request.build_absolute_uri(reverse(view_name, kwargs={lookup: value}))``, made once per
    request and view as a template and then filled in: the same address, without resolving the
    URL patterns and re-reading the request's host for every row of a list (a hundred rows with
    five links each were 500 calls to reverse()). Anything but a plain slug or id, and a view
    whose address the marker cannot stand in, go through reverse() itself."""
    value = str(value)
    templates = request.__dict__.setdefault("_icsgov_link_templates", {})
    key = (view_name, lookup)
    if key not in templates:
        try:
            url = request.build_absolute_uri(reverse(view_name, kwargs={lookup: _MARKER}))
        except NoReverseMatch:
            url = ""
        templates[key] = tuple(url.split(_MARKER)) if url.count(_MARKER) == 1 else None
    template = templates[key]
    if template is None or not _plain(value):
        return request.build_absolute_uri(reverse(view_name, kwargs={lookup: value}))
    return f"{template[0]}{value}{template[1]}"


class LinkField(serializers.HyperlinkedIdentityField):
    """The object's absolute API address, without the request's own ``?format=`` (DRF keeps
    it; a CSV row should link to the record, not to more CSV)."""

    def to_representation(self, value):
        # DRF's, without looking up the request through the serializer tree for every row (the
        # field belongs to one serializer instance, so to one request) or the format, which
        # get_url leaves out.
        try:
            request = self.__dict__["_request"]
        except KeyError:
            request = self.__dict__["_request"] = self.context.get("request")
        url = self.get_url(value, self.view_name, request, None)
        return None if url is None else Hyperlink(url, value)

    def get_url(self, obj, view_name, request, format):
        if hasattr(obj, "pk") and obj.pk in (None, ""):
            return None
        value = getattr(obj, self.lookup_field)
        if request is None:
            return reverse(view_name, kwargs={self.lookup_url_kwarg: value})
        return absolute_link(request, view_name, self.lookup_url_kwarg, value)


def brief_url(view_name, lookup_field="slug"):
    return LinkField(view_name=f"api:{view_name}", lookup_field=lookup_field)


class ErrorSerializer(serializers.Serializer):
    """Every error answer (icsgov.core.api.exceptions)."""

    detail = serializers.CharField(help_text="What went wrong, in a sentence.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="For invalid input: the messages for each field ('non_field_errors' for the "
        "record as a whole).",
    )


class _LinkableMixin:
    """A link in a write, chosen among the records the writer may link to
    (icsgov.core.scoping.linkable): their own systems' records, and the public records of models
    other systems may cite. Anything else — another system's record, an unpublished one, a
    misspelt one — gets the same answer, so the error reveals nothing."""

    def get_queryset(self):
        from icsgov.core.scoping import linkable

        request = self.context.get("request")
        via = (self.parent.Meta.model, self.source) if hasattr(self.parent, "Meta") else None
        return linkable(self.model, getattr(request, "user", None), via=via)

    def _not_found(self, value):
        noun = self.model._meta.verbose_name
        self.fail("does_not_exist", noun=noun, value=value)


class LinkSlugField(_LinkableMixin, serializers.SlugRelatedField):
    """A link written as the other record's slug."""

    default_error_messages = {
        "does_not_exist": "No {noun} '{value}' that you may link to.",
        "invalid": "Give the {noun}'s slug.",
    }

    def __init__(self, model, **kwargs):
        self.model = model
        kwargs.setdefault("slug_field", "slug")
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        from django.core.exceptions import ObjectDoesNotExist

        if not isinstance(data, str):
            self.fail("invalid", noun=self.model._meta.verbose_name)
        try:
            return self.get_queryset().get(slug=data)
        except (ObjectDoesNotExist, ValueError, TypeError):
            self._not_found(data)


class LinkIdField(_LinkableMixin, serializers.PrimaryKeyRelatedField):
    """A link written as the other record's numeric id."""

    default_error_messages = {
        "does_not_exist": "No {noun} '{value}' that you may link to.",
        "incorrect_type": "Give the {noun}'s numeric id.",
    }

    def __init__(self, model, **kwargs):
        self.model = model
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | str) or not str(data).isdigit():
            self.fail("incorrect_type", noun=self.model._meta.verbose_name)
        found = self.get_queryset().filter(pk=int(data)).first()
        if found is None:
            self._not_found(data)
        return found


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

    def to_internal_value(self, data):
        # A field the record does not have is an error, not silently ignored: a client that
        # misspells "end_date" should hear that nothing ended.
        if isinstance(data, dict):
            errors = {}
            for name in sorted(data):
                field = self.fields.get(name)
                if field is None:
                    errors[name] = ["Unknown field: records of this kind have no such field."]
                elif field.read_only:
                    errors[name] = ["This field cannot be written here."]
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)

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


class PrivateFieldsMixin:
    """Leaves out the model's private fields (icsgov.core.visibility.private_fields: contact
    details) — absent, not even null — unless the viewer may change the record (``_changeable``,
    annotated by the viewset with icsgov.core.scoping.changeable_annotation)."""

    def to_representation(self, instance):
        from icsgov.core.visibility import private_fields

        data = super().to_representation(instance)
        if not getattr(instance, "_changeable", False):
            for name in private_fields(type(instance)):
                data.pop(name, None)
        return data


#: Fields every write may give: where the record came from, when the secretariat last
#: confirmed it, and whether it is published (the serializer derives from SourcedWriteSerializer).
WRITE_SOURCE = ["source", "source_section", "confirmed_on", "is_published"]
SLUG_ON_CREATE = {
    "slug": {
        "required": False,
        "help_text": "Stable identifier; made from the record when left out. Cannot be changed "
        "once set.",
    }
}


class SlugOnCreateMixin:
    """Slugs are stable: given (or made) on create, never changed by an update."""

    def get_fields(self):
        fields = super().get_fields()
        if self.instance is not None and "slug" in fields:
            fields["slug"].read_only = True
        return fields


class OptionalURLField(serializers.URLField):
    """A link that may be missing: null, not "" (an empty string is not a URI, and the schema
    promises one)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None


class BriefSourceSerializer(ReadSerializer):
    """A source in brief, as every record carries it."""

    url = serializers.SerializerMethodField(help_text="The source's API address.")
    when = serializers.CharField(read_only=True, help_text="Its date at its precision, in words.")
    document_url = OptionalURLField(source="url", help_text="Where the document is published.")

    class Meta:
        model = Source
        fields = [
            "slug",
            "title",
            "publisher",
            "kind",
            "date",
            "date_precision",
            "when",
            "url",
            "document_url",
        ]

    def get_url(self, source) -> str:
        request = self.context.get("request")
        if request is None:
            return reverse("api:source-detail", kwargs={"slug": source.slug})
        return absolute_link(request, "api:source-detail", "slug", source.slug)

    #: The lean list read (icsgov.core.api.lean): the columns each computed field is made of.
    lean_columns = {"url": ("slug",), "when": ("date", "date_precision", "date_end")}

    def lean_url(self, request, slug):
        return absolute_link(request, "api:source-detail", "slug", slug)

    def lean_when(self, request, date, precision, date_end):
        return format_date(date, precision, date_end)  # Source.when


class KnownAsOfSerializer(serializers.Serializer):
    date = serializers.DateField(help_text="The date the record is known as of.")
    precision = serializers.CharField(help_text="How precisely that date is known.")
    confirmed = serializers.BooleanField(
        help_text="True for the secretariat's last confirmation; false for the source's date."
    )


class SourcedSerializer(ReadSerializer):
    """A record with where it came from (``source``, ``source_section``) and as of when it is
    known (``known_as_of``: the secretariat's last confirmation, else its source's date)."""

    source = BriefSourceSerializer(read_only=True, allow_null=True)
    known_as_of = serializers.SerializerMethodField()

    def get_known_as_of(self, obj) -> KnownAsOfSerializer(allow_null=True):
        known = obj.known_as_of
        if known is None:
            return None
        return {"date": known[0], "precision": known[1], "confirmed": bool(obj.confirmed_on)}

    #: The lean list read (icsgov.core.api.lean): ``known_as_of`` from the record's confirmation
    #: and its source's date, as SourcedModel.known_as_of makes it.
    lean_columns = {
        "known_as_of": ("confirmed_on", "source", "source__date", "source__date_precision")
    }

    def lean_known_as_of(self, request, confirmed_on, source_id, date, precision):
        known = SourcedModel.known_as_of_from(confirmed_on, date if source_id else None, precision)
        if known is None:
            return None
        return {"date": known[0], "precision": known[1], "confirmed": bool(confirmed_on)}


class SourcedWriteSerializer(WriteSerializer):
    """Input for a record with a source, named by its slug."""

    source = LinkSlugField(
        Source,
        required=False,
        allow_null=True,
        help_text="Slug of the source the record is taken from (see /api/v1/sources/).",
    )
