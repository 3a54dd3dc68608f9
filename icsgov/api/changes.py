"""``/api/v1/changes/``: the history of registry records (icsgov.core.history).

Who sees which changes follows who sees which records: anonymous clients the changes of records
that are public now, staff also those of their own systems, superusers everything. Private
fields (contact details) are left out except for those who keep the record, and anonymous
clients are not told staff usernames.
"""

import django_filters
from django.apps import apps
from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema
from pghistory.models import Events
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import ValidationError

from icsgov.core import history, scoping
from icsgov.core.api.pagination import StrictLimitOffsetPagination
from icsgov.core.api.views import CachedReadMixin
from icsgov.core.visibility import is_declared, sees_unpublished, visible
from icsgov.models import ChangeKey


def _tracked():
    return {m._meta.label_lower: m for m in history.tracked_models()}


LABELS = tuple((label, label) for label in history.LABELS)


def _model_choices():
    """The tracked models, known once the apps are ready (the filter is declared at import)."""
    return [(label, label) for label in sorted(_tracked())]


class WhenOrdering(django_filters.OrderingFilter):
    """By time, then by the event's key in the same direction: the changes of one transaction
    share their time, and without the key their order (so what each page holds) was Postgres's
    choice, different from one query to the next."""

    def filter(self, qs, value):
        ordering = [self.get_ordering_value(param) for param in value or () if param]
        if not ordering:
            return qs
        return qs.order_by(*ordering, f"{'-' if ordering[-1].startswith('-') else ''}pgh_slug")


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
    date_after = django_filters.DateFilter(
        field_name="pgh_created_at", lookup_expr="date__gte", label="On or after this date."
    )
    date_before = django_filters.DateFilter(
        field_name="pgh_created_at", lookup_expr="date__lte", label="On or before this date."
    )
    ordering = WhenOrdering(
        fields=(("pgh_created_at", "when"),), label="when (oldest first) or -when (default)."
    )

    #: The lookup of the user in an event's context: ``Events`` holds the context's metadata.
    context_user = "pgh_context__user"

    class Meta:
        model = Events
        fields = []

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
        return queryset.filter(**{self.context_user: pk}) if pk else queryset.none()


class ChangeKeyFilterSet(ChangeFilterSet):
    """The same filters over the keys table (a superuser's feed): its columns are named as the
    events', and it links to the context rather than holding its metadata."""

    context_user = "pgh_context__metadata__user"

    class Meta(ChangeFilterSet.Meta):
        model = ChangeKey


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


def _row(change):
    return {
        "pgh_slug": change.id,
        "pgh_created_at": change.when,
        "who": change.who,
        "via": change.via,
        "model": change.model,
        "pgh_obj_id": change.object_id,
        "object_slug": change.object_slug,
        "pgh_label": change.label,
        "changes": {f.name: {"before": f.before, "after": f.after} for f in change.fields},
    }


class KeysFirstPagination(StrictLimitOffsetPagination):
    """Limit/offset over the history, in two steps: the page's keys (``pgh_slug``, in the
    list's order) and the count of the whole list first, reading no event's data, then those
    events whole, by primary key from their own tables. django-pghistory's ``Events`` builds
    each event's data and its difference from the previous one for every event it considers,
    so asking it for a page directly built them for the whole history (about 376,000 events at
    national scale: 7–11 s) before keeping 100; and counting, then choosing the keys, chose
    which events a viewer may see twice over. From ``Events``, the keys and the count come in
    one query (the whole list is built for either); from the keys table (a superuser's feed),
    the page is the top of an index and the count a scan of its narrow rows, in two."""

    def paginate_queryset(self, queryset, request, view=None):
        rows = self.paginate_rows(
            queryset.values_list("pgh_slug"),
            request,
            view,
            count_apart=queryset.model is ChangeKey,
        )
        return history.events_by_key([key for key, *_ in rows])


@extend_schema(responses={200: ChangeSerializer(many=True)})
class ChangeViewSet(CachedReadMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Changes to registry records, newest first: when, who, the kind of record, the record,
    insert/update/delete, and each changed field before and after. Anonymous clients see the
    changes of records published now; staff also their own systems'; never contact details
    (except superusers)."""

    serializer_class = ChangeSerializer
    pagination_class = KeysFirstPagination

    def get_queryset(self):
        if self._every_change():
            # The keys table (icsgov.change_keys) is the same list, with an index in the
            # feed's order, without building the union of every event table.
            return ChangeKey.objects.order_by("-pgh_created_at", "-pgh_slug")
        events = history.visible_events(self.request.user)
        return events.order_by("-pgh_created_at", "-pgh_slug")

    def _every_change(self):
        request = getattr(self, "request", None)
        return request is not None and sees_unpublished(request.user)

    @property
    def filterset_class(self):
        return ChangeKeyFilterSet if self._every_change() else ChangeFilterSet

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        with history.reading_history():
            page = self.paginate_queryset(queryset)
        rows = [_row(change) for change in history.describe_all(page, request.user, named=False)]
        return self.get_paginated_response(ChangeSerializer(rows, many=True).data)
