"""``/api/v1/changes/``: the history of registry records, read from pghistory's events.

Who sees which changes follows who sees which records: anonymous clients the changes of records
that are public now (icsgov.visibility), staff also those of their own systems (icsgov.access),
superusers everything. Private fields (Person.PRIVATE_FIELDS) are stripped from every change
for everyone but superusers, and anonymous clients are not told staff usernames.
"""

import django_filters
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from drf_spectacular.utils import extend_schema
from pghistory.models import Events
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import ValidationError

from icsgov import access
from icsgov.api.views import CachedReadMixin
from icsgov.visibility import _rules, sees_unpublished, visible

#: Models whose history the API serves: every registry model with a system, and people.
TRACKED = sorted([*access.SYSTEM_PATHS, "partnerships.person"])
LABELS = (("insert", "insert"), ("update", "update"), ("delete", "delete"))


def private_fields(model_label: str) -> tuple:
    """Fields of a model that only superusers may see in its history."""
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return ()
    return getattr(model, "PRIVATE_FIELDS", ())


def _ids_text(queryset):
    return queryset.annotate(pk_text=Cast("pk", TextField())).values("pk_text")


def visible_events(user):
    """The events of the records ``user`` may see (one query, whatever the number of models)."""
    events = Events.objects.filter(
        pgh_obj_model__in=[apps.get_model(m)._meta.label for m in TRACKED]
    )
    if sees_unpublished(user):
        return events
    public_models = _rules()
    condition = Q(pk__in=[])
    for label in TRACKED:
        model = apps.get_model(label)
        ids = None
        if model in public_models:
            ids = visible(model._default_manager.all(), user)
        elif user is not None and access.is_scoped(model) and access.can(user, access.VIEW):
            ids = access.restrict(model._default_manager.all(), user, access.VIEW)
        if ids is not None:
            condition |= Q(pgh_obj_model=model._meta.label, pgh_obj_id__in=_ids_text(ids))
    return events.filter(condition)


class ChangeFilterSet(django_filters.FilterSet):
    model = django_filters.ChoiceFilter(
        choices=[(label, label) for label in TRACKED],
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
    ordering = django_filters.OrderingFilter(
        fields=(("pgh_created_at", "when"),), label="when (oldest first) or -when (default)."
    )

    class Meta:
        model = Events
        fields = []

    def filter_model(self, queryset, name, value):
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
            if model in _rules():
                rows = visible(rows, user)
            else:
                rows = access.restrict(rows, user, access.VIEW)
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
        return queryset.filter(pgh_context__user=pk) if pk else queryset.none()


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


def describe(event, users, show_private: bool, show_users: bool):
    context = event.pgh_context or {}
    user = users.get(context.get("user"))
    if "command" in context:
        who = context.get("username") if show_users and context.get("username") else None
        who = who or f"command {context['command']}"
        via = f"command {context['command']}"
    elif user is not None or context.get("user"):
        who = (user.get_username() if user else None) if show_users else "registry staff"
        via = context.get("url")
    else:
        who, via = None, context.get("url")
    data = event.pgh_data or {}
    if event.pgh_label == "update" and event.pgh_diff:
        changes = {name: pair for name, pair in event.pgh_diff.items()}
    elif event.pgh_label == "delete":
        changes = {name: [value, None] for name, value in data.items()}
    else:
        changes = {name: [None, value] for name, value in data.items()}
    hidden = () if show_private else private_fields(event.pgh_obj_model)
    return {
        "pgh_slug": event.pgh_slug,
        "pgh_created_at": event.pgh_created_at,
        "who": who,
        "via": via,
        "model": event.pgh_obj_model.lower(),
        "pgh_obj_id": event.pgh_obj_id,
        "object_slug": data.get("slug"),
        "pgh_label": event.pgh_label,
        "changes": {
            name: {"before": before, "after": after}
            for name, (before, after) in sorted(changes.items())
            if name not in hidden
        },
    }


@extend_schema(responses={200: ChangeSerializer(many=True)})
class ChangeViewSet(CachedReadMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Changes to registry records, newest first: when, who, the kind of record, the record,
    insert/update/delete, and each changed field before and after. Anonymous clients see the
    changes of records published now; staff also their own systems'; never contact details
    (except superusers)."""

    serializer_class = ChangeSerializer
    filterset_class = ChangeFilterSet

    def get_queryset(self):
        return visible_events(self.request.user).order_by("-pgh_created_at", "-pgh_slug")

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        user_ids = {
            e.pgh_context["user"]
            for e in page
            if e.pgh_context and isinstance(e.pgh_context.get("user"), int)
        }
        # One query whether or not the page names users, so the count never varies.
        users = {u.pk: u for u in get_user_model().objects.filter(pk__in=user_ids)}
        show_private = sees_unpublished(request.user)
        show_users = request.user.is_authenticated and request.user.is_staff
        rows = [describe(e, users, show_private, show_users) for e in page]
        return self.get_paginated_response(ChangeSerializer(rows, many=True).data)
