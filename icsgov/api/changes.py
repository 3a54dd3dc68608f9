"""``/api/v1/changes/``: the history of registry records (icsgov.core.history).

Who sees which changes follows who sees which records: anonymous clients the changes of records
that are public now, staff also those of their own systems, superusers everything. Private
fields (contact details) are left out except for those who keep the record, and anonymous
clients are not told staff usernames.
"""

from datetime import date, datetime, time, timedelta

import django_filters
from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import ValidationError

from icsgov.core import history, prepared, scoping
from icsgov.core.api.pagination import KeysetPagination
from icsgov.core.api.views import CachedReadMixin
from icsgov.core.visibility import is_declared, sees_unpublished, visible
from icsgov.models import ChangeKey


def _tracked():
    return {m._meta.label_lower: m for m in history.tracked_models()}


LABELS = tuple((label, label) for label in history.LABELS)


def _model_choices():
    """The tracked models, known once the apps are ready (the filter is declared at import)."""
    return [(label, label) for label in sorted(_tracked())]


def _midnight(day):
    return timezone.make_aware(datetime.combine(day, time.min))


class WhenOrdering(django_filters.OrderingFilter):
    """By time, then by the event's key in the same direction: the changes of one transaction
    share their time, and without the key their order (so what each page holds) was Postgres's
    choice, different from one query to the next."""

    def filter(self, qs, value):
        ordering = [self.get_ordering_value(param) for param in value or () if param]
        if not ordering:
            return qs
        if len(ordering) > 1:
            raise ValidationError({"ordering": ["Give one order: when (oldest first) or -when."]})
        return qs.order_by(*ordering, f"{'-' if ordering[0].startswith('-') else ''}pgh_slug")


class ChangeFilterSet(django_filters.FilterSet):
    model = django_filters.ChoiceFilter(
        choices=_model_choices,
        method="filter_model",
        label="Kind of record, as app.model, e.g. partnerships.membership.",
    )
    object = django_filters.CharFilter(
        method="filter_object",
        label="One record's changes: its slug, or its numeric id (also for a deleted record). "
        "Needs model.",
    )
    user = django_filters.CharFilter(
        method="filter_user", label="Username of the staff user who made the changes (staff only)."
    )
    label = django_filters.ChoiceFilter(
        field_name="pgh_label", choices=LABELS, label="insert, update or delete."
    )
    date_after = django_filters.DateFilter(method="filter_after", label="On or after this date.")
    date_before = django_filters.DateFilter(method="filter_before", label="On or before this date.")
    ordering = WhenOrdering(
        fields=(("pgh_created_at", "when"),), label="when (oldest first) or -when (default)."
    )

    class Meta:
        model = ChangeKey
        fields = []

    # A day is from its midnight to the next, in the registry's time zone: the same days as
    # ``pgh_created_at__date`` gives, as a range of times the keys' index can start from.
    def filter_after(self, queryset, name, value):
        return queryset.filter(pgh_created_at__gte=_midnight(value))

    def filter_before(self, queryset, name, value):
        if value == date.max:  # every change is on or before the last day there is
            return queryset
        return queryset.filter(pgh_created_at__lt=_midnight(value + timedelta(days=1)))

    def filter_model(self, queryset, name, value: str):
        return queryset.filter(pgh_obj_model=apps.get_model(value)._meta.label)

    def filter_object(self, queryset, name, value):
        label = self.form.cleaned_data.get("model")
        if not label:
            raise ValidationError({"object": ["Give model too, e.g. model=partnerships.person."]})
        model = apps.get_model(label)
        user = getattr(self.request, "user", None)
        pk = None
        if any(f.name == "slug" for f in model._meta.fields):
            rows = model._default_manager.filter(slug=value)
            if is_declared(model):
                rows = visible(rows, user)
            else:
                rows = scoping.restrict(rows, user, scoping.VIEW)
            pk = rows.values_list("pk", flat=True).first()
        if pk is None and value.isdigit():
            pk = value
        if pk is None:
            raise ValidationError({"object": [f"No {model._meta.verbose_name} '{value}'."]})
        return queryset.filter(pgh_obj_id=str(pk))

    def filter_user(self, queryset, name, value):
        user = getattr(self.request, "user", None)
        if not (user and user.is_authenticated and user.is_staff):
            raise ValidationError({"user": ["Filtering by user is open to signed-in staff only."]})
        pk = get_user_model().objects.filter(username=value).values_list("pk", flat=True).first()
        return queryset.filter(pgh_context__metadata__user=pk) if pk else queryset.none()


class FieldChangeSerializer(serializers.Serializer):
    before = serializers.JSONField(allow_null=True, help_text="Value before (null on insert).")
    after = serializers.JSONField(allow_null=True, help_text="Value after (null on delete).")


class ChangeSerializer(serializers.Serializer):
    id = serializers.CharField(source="pgh_slug", help_text="Identifier of the change.")
    when = serializers.DateTimeField(source="pgh_created_at")
    who = serializers.CharField(
        allow_null=True,
        help_text="Username (staff clients), 'registry staff' (anonymous clients), or the "
        "command that made the change; null when unknown.",
    )
    via = serializers.CharField(
        allow_null=True, help_text="The API or admin address, or the command."
    )
    model = serializers.CharField(help_text="Kind of record, as app.model.")
    object_id = serializers.CharField(source="pgh_obj_id", help_text="The record's numeric id.")
    object_slug = serializers.CharField(allow_null=True, help_text="The record's slug, if any.")
    label = serializers.ChoiceField(source="pgh_label", choices=LABELS)
    changes = serializers.DictField(
        child=FieldChangeSerializer(), help_text="Each changed field: {before, after}."
    )


#: The answer's time, as the serializer's field writes it (ISO 8601, the registry's zone).
_WHEN = serializers.DateTimeField()


def _str(value):
    return None if value is None else str(value)


def answer(change):
    """One change as :class:`ChangeSerializer` describes it (the schema's), made directly: each
    value is already what the serializer's field would give but the time, which its field
    writes; DRF's field-by-field walk of a nested dictionary for each changed field was two
    thirds of a page's time (100 changes, a dozen fields each)."""
    return {
        "id": change.id,
        "when": _WHEN.to_representation(change.when),
        "who": _str(change.who),
        "via": _str(change.via),
        "model": change.model,
        "object_id": _str(change.object_id),
        "object_slug": _str(change.object_slug),
        "label": change.label,
        "changes": {f.name: {"before": f.before, "after": f.after} for f in change.fields},
    }


class ChangesPagination(KeysetPagination):
    """Newest first (or oldest, ``ordering=when``), by cursor: the page's keys are read first,
    from the top of the keys table's index in the feed's order (time, then key), checking only
    the keys read against what the viewer may see; then the page's events are read whole, by
    primary key, from their own tables. django-pghistory's ``Events`` builds each event's data
    and its difference from the previous one for every event it considers, so a page asked of
    it directly built them for the whole history; and a count of what a viewer may see (with
    limit/offset until 4 December 2026) meant deciding it for every one of about 376,000
    events at national scale, 0.6–1.3 s a page."""

    keys = ("pgh_created_at", "pgh_slug")

    def paginate_queryset(self, queryset, request, view=None):
        rows = super().paginate_queryset(queryset.values_list(*self.keys), request, view)
        return history.events_by_key([key for _, key in rows])

    def fetch(self, rows):
        """The feed's own list (newest or oldest first, by cursor, no filter) is read by a
        statement prepared on the connection (icsgov.core.prepared), which Postgres plans for
        the first five pages and then, its plan being the same for any cursor (the top of the
        keys' index, each key checked as it is read), keeps planned: planning a viewer's
        condition, a rule for each kind of record, was most of the page's time. A filtered list
        is planned each time for its values."""
        if any(name in self.request.query_params for name in FILTERS):
            return super().fetch(rows)
        return prepared.rows(rows)


#: The feed's filters: given any of them, the page is planned for its values.
FILTERS = tuple(name for name in ChangeFilterSet.base_filters if name != "ordering")


@extend_schema(responses={200: ChangeSerializer(many=True)})
class ChangeViewSet(CachedReadMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Changes to registry records, newest first: when, who, the kind of record, the record,
    insert/update/delete, and each changed field before and after. Anonymous clients see the
    changes of records published now; staff also their own systems'; never contact details
    (except superusers)."""

    serializer_class = ChangeSerializer
    pagination_class = ChangesPagination
    filterset_class = ChangeFilterSet

    def get_queryset(self):
        # The keys table (icsgov.change_keys) is the list of every event, with an index in
        # the feed's order, without building the union of every event table.
        if getattr(self, "swagger_fake_view", False):  # the schema's: no viewer, no database
            return ChangeKey.objects.none()
        keys = ChangeKey.objects.all()
        request = getattr(self, "request", None)
        if request is None or not sees_unpublished(request.user):
            # Filtered by kind of record (``model``, checked by the filter set), only that
            # kind's rules are needed: the filter keeps no other kind's keys.
            only = _tracked().get(request.query_params.get("model")) if request else None
            user = getattr(request, "user", None)
            keys = history.visible_keys(keys, user, models=[only] if only else None)
        return keys.order_by("-pgh_created_at", "-pgh_slug")

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        with history.reading_history(history.KEYS_WORK_MEM):
            page = self.paginate_queryset(queryset)
        changes = history.describe_all(page, request.user, named=False)
        return self.get_paginated_response([answer(change) for change in changes])
