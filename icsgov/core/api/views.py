from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, ProtectedError, RestrictedError
from django.middleware.http import ConditionalGetMiddleware
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.decorators import decorator_from_middleware
from django.utils.functional import cached_property
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import APIException, PermissionDenied, ValidationError
from rest_framework.generics import get_object_or_404
from rest_framework.permissions import SAFE_METHODS
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from icsgov.core import caching, concurrency, scoping
from icsgov.core import search as search_engine
from icsgov.core.api import lean
from icsgov.core.api.renderers import OrjsonRenderer, render_json
from icsgov.core.api.serializers import validation_error
from icsgov.core.dates import InvalidDate, parse_as_at
from icsgov.core.visibility import private_fields, visible

conditional_get = decorator_from_middleware(ConditionalGetMiddleware)


class CachedReadMixin:
    """Reads carry an ETag and answer ``If-None-Match`` with 304 Not Modified. Anonymous answers
    may be cached by anyone for five minutes; staff answers (with unpublished data) only by the
    user's own browser, and only after revalidating."""

    @classmethod
    def as_view(cls, *args, **kwargs):
        return conditional_get(super().as_view(*args, **kwargs))

    _read_cache_key = None

    def initial(self, request, *args, **kwargs):
        """After authentication, content negotiation, permissions and the throttle (a stored
        answer is still counted against the client's rate): an anonymous GET is answered from
        the read cache (icsgov.core.caching) when it holds the answer for the registry as it is
        now, for this address, with every parameter, in the negotiated format. The browsable
        API (HTML with forms) is never stored."""
        super().initial(request, *args, **kwargs)
        if request.accepted_renderer.format == "api":
            return
        key = caching.key_for(request, request.accepted_media_type or "")
        if key is None:
            return
        cached = caching.get(key, request)
        if cached is None:
            self._read_cache_key = key
            return
        # The handler is this request's action (a viewset binds it per request): answer with
        # the stored response instead.
        setattr(self, request.method.lower(), lambda *args, **kwargs: cached)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            if request.user.is_authenticated:
                patch_cache_control(response, private=True, no_cache=True)
            else:
                patch_cache_control(response, public=True, max_age=300)
            patch_vary_headers(response, ["Cookie"])
            if self._read_cache_key and isinstance(response, Response):
                response.render()
                caching.put(self._read_cache_key, request, response)
        return response


class FieldsMixin:
    """``?fields=slug,name`` trims each object to those fields; an unknown name is a 400."""

    def get_serializer(self, *args, **kwargs):
        serializer = super().get_serializer(*args, **kwargs)
        raw = self.request.query_params.get("fields") if self.request else None
        if not raw:
            return serializer
        wanted = [name.strip() for name in raw.split(",") if name.strip()]
        target = getattr(serializer, "child", serializer)
        unknown = [name for name in wanted if name not in target.fields]
        if unknown:
            raise ValidationError(
                {
                    "fields": [
                        f"Unknown field(s): {', '.join(unknown)}. Available: "
                        f"{', '.join(target.fields)}."
                    ]
                }
            )
        for name in list(target.fields):
            if name not in wanted:
                target.fields.pop(name)
        return serializer


class RegistryViewSet(CachedReadMixin, FieldsMixin, viewsets.ReadOnlyModelViewSet):
    """Read-only list and detail by slug, restricted to what the client may see
    (icsgov.core.visibility): anonymous clients get the public record, staff also their own
    systems' records, superusers everything. Links to records the client may not see are null."""

    lookup_field = "slug"

    def get_queryset(self):
        queryset = visible(super().get_queryset(), self.request.user)
        if any(f.name == "source" for f in queryset.model._meta.concrete_fields):
            queryset = queryset.select_related("source")  # every answer carries its source
        if private_fields(queryset.model):
            # Private fields are shown only where the viewer keeps the record.
            queryset = scoping.changeable_annotation(queryset, self.request.user)
        return queryset

    def filter_queryset(self, queryset):
        # List filters do not apply to a detail: ``/boards/x/?as_at=D`` describes board x as at
        # D (even before it began: no members then), it does not hide it.
        if self.action == "retrieve":
            return queryset
        return total_order(super().filter_queryset(queryset))

    #: List GETs read their rows as tuples when the read serializer allows it
    #: (icsgov.core.api.lean); False to always go through the serializer.
    lean_reads = True

    def list(self, request, *args, **kwargs):
        """DRF's list; when the read serializer's answer can be made from columns
        (icsgov.core.api.lean.plan_for), the page's rows are read as tuples and made into the
        same answers without model instances. Otherwise, and for anything the lean path cannot
        judge (e.g. a bad ``?fields=``, which DRF's own path reports), DRF's list."""
        queryset = self.filter_queryset(self.get_queryset())
        plan = None
        if self.lean_reads:
            plan = self._lean_plan(queryset)
        if plan is None:
            return self._serializer_list(queryset)
        rows = plan.queryset(queryset)
        # The page and the count in one query where the paginator can (the registry's can).
        paginate = getattr(self.paginator, "paginate_rows", None)
        page = (
            paginate(rows, request, view=self, counted=queryset)
            if paginate
            else self.paginate_queryset(rows)
        )
        context = self.get_serializer_context()
        if page is not None:
            return self.get_paginated_response(plan.render(page, queryset, request, context))
        return Response(plan.render(rows, queryset, request, context))

    def retrieve(self, request, *args, **kwargs):
        """DRF's retrieve; when the detail's serializer can be made from columns (as a list's,
        with the same plan machinery), the record is read as a tuple and made into the same
        answer without a model instance, its related instances or its prefetched lists'
        instances. Object permissions are not asked: this is a read, and the registry's
        permission lets every read through that ``get_queryset`` (what the viewer may see)
        lets through (``RegistryWritePermission.reads_open``); a view with any other
        permission goes through DRF's retrieve."""
        queryset = self.filter_queryset(self.get_queryset())
        plan = None
        if (
            self.lean_reads
            and request.method in SAFE_METHODS
            # The browsable API's forms are made from the instance behind the answer.
            and request.accepted_renderer.format != "api"
            and all(_reads_open(permission) for permission in self.get_permissions())
        ):
            plan = self._lean_plan(queryset)
        if plan is None:
            return super().retrieve(request, *args, **kwargs)
        # As DRF's get_object, on the plan's tuples: the same 404 for a record that does not
        # exist, one the viewer may not see, and a lookup the field cannot hold.
        kwarg = self.lookup_url_kwarg or self.lookup_field
        row = get_object_or_404(plan.queryset(queryset), **{self.lookup_field: self.kwargs[kwarg]})
        context = self.get_serializer_context()
        return Response(plan.render([row], queryset, request, context)[0])

    def _lean_plan(self, queryset):
        """The lean plan of this list (made once per serializer, ``?fields=`` and the
        queryset's annotations), or None."""
        raw = self.request.query_params.get("fields") or None
        key = lean.plan_key(self.get_serializer_class(), raw, queryset)
        plan = lean.cached_plan(key)
        if plan is not lean.UNPLANNED:
            return plan
        try:
            serializer = self.get_serializer(many=True)
        except ValidationError:
            return None  # a bad ?fields=: DRF's path reports it, and nothing is kept
        child = getattr(serializer, "child", None)
        if child is None:
            return None
        return lean.plan_for(child, queryset, key)

    def _serializer_list(self, queryset):
        # rest_framework.mixins.ListModelMixin.list, on the queryset already filtered.
        page = self.paginate_queryset(queryset)
        if page is not None:
            serializer = self.get_serializer(page, many=True)
            return self.get_paginated_response(serializer.data)
        serializer = self.get_serializer(queryset, many=True)
        return Response(serializer.data)

    @cached_property
    def as_at(self):
        """The ``as_at`` date a detail answers for (default today); a malformed date is a 400."""
        return as_at_param(self.request)


def _reads_open(permission) -> bool:
    """Whether ``permission`` allows every read of a record the view's queryset lets through:
    declared (``reads_open``) by the class that decides object permissions, so a subclass
    deciding them anew is asked as DRF asks it."""
    for cls in type(permission).__mro__:
        if "has_object_permission" in cls.__dict__:
            return bool(cls.__dict__.get("reads_open", False))
    return False


def total_order(queryset):
    """``queryset`` in its order (the ordering filter's, else the model's), ties broken by the
    primary key: rows that tie (two appointments to one seat on one day) come in the same order
    in every request and every query reading them, so pages neither repeat nor skip a row."""
    query = queryset.query
    order = list(query.order_by) or (
        list(queryset.model._meta.ordering) if query.default_ordering else []
    )
    if not order or query.distinct_fields:
        return queryset
    names = {o.lstrip("-") for o in order if isinstance(o, str)}
    if names & {"pk", "id", queryset.model._meta.pk.name}:
        return queryset
    return queryset.order_by(*order, "pk")


def visible_prefetch(relation, queryset, user, to_attr=None):
    """A prefetch of ``relation`` keeping only the rows of ``queryset`` that ``user`` may see
    (icsgov.core.visibility.visible, with its link marks), as ``visible_<relation>`` unless
    ``to_attr`` says otherwise: a record's many-to-many and reverse links never show a private
    record, in one query whatever the number of rows."""
    return Prefetch(
        relation,
        queryset=total_order(visible(queryset, user)),
        to_attr=to_attr or f"visible_{relation}",
    )


def as_at_param(request, default_today=True):
    """The request's ``?as_at=`` through the one parser (icsgov.core.dates.parse_as_at); a bad
    date is a 400 with the parser's message. Without one: today, or None."""
    raw = request.query_params.get("as_at")
    if not raw and not default_today:
        return None
    try:
        return parse_as_at(raw)
    except InvalidDate as error:
        raise ValidationError({"as_at": [str(error)]}) from None


class SearchHitSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="Kind of record (see the search's type parameter).")
    slug = serializers.CharField(
        allow_null=True, help_text="The record's slug; null for kinds addressed by id."
    )
    name = serializers.CharField()
    url = serializers.URLField(help_text="The record's API address.")
    snippet = serializers.CharField(
        allow_blank=True,
        help_text="The record's text around the words found; empty when only its name "
        "resembled the search.",
    )
    matched = serializers.ChoiceField(
        choices=["text", "name"],
        help_text="text: the words were found in the record; name: its name resembles them.",
    )
    score = serializers.FloatField(help_text="Relevance: higher is better.")
    is_demonstration = serializers.BooleanField(
        help_text="True when the record is demonstration data (a fictional system), not real."
    )


class SearchResultsSerializer(serializers.Serializer):
    query = serializers.CharField()
    corrected = serializers.CharField(
        allow_null=True,
        help_text="The search the results answer when a misspelling was matched by "
        "resemblance (e.g. 'Southampton' for 'Southamton'); null when found as typed.",
    )
    count = serializers.IntegerField(help_text="Number of results returned.")
    results = SearchHitSerializer(many=True)


class SearchParametersSerializer(serializers.Serializer):
    q = serializers.CharField(max_length=200, help_text="What to look for; typos are tolerated.")
    type = serializers.MultipleChoiceField(
        choices=(), required=False, help_text="Only these kinds (repeat for several)."
    )
    limit = serializers.IntegerField(min_value=1, max_value=100, default=20)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The kinds the apps registered (icsgov.core.search), known once the apps are ready.
        self.fields["type"].choices = search_engine.kinds()


class SearchView(CachedReadMixin, APIView):
    """Ranked search across every kind the apps register (people, organisations, bodies,
    seats, meetings, papers, agenda items, decisions, places, clusters, strategies, priorities,
    milestones, glossary terms): full text plus trigram similarity, so misspelt names still
    match, each result with a snippet saying why it matched. Anonymous clients search published
    records only."""

    renderer_classes = [OrjsonRenderer, BrowsableAPIRenderer]

    @extend_schema(
        parameters=[SearchParametersSerializer],
        responses={200: SearchResultsSerializer},
    )
    def get(self, request):
        params = SearchParametersSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        q = params.validated_data["q"]
        hits = search_engine.search(
            q,
            user=request.user,
            kinds=params.validated_data.get("type") or None,
            limit=params.validated_data["limit"],
        )
        results = []
        for hit in hits:
            view_name, kwargs = search_engine.index_for(hit.kind).api_address(hit.object)
            results.append(
                {
                    "type": hit.kind,
                    "slug": getattr(hit.object, "slug", None),
                    "name": hit.name,
                    "url": request.build_absolute_uri(reverse(view_name, kwargs=kwargs)),
                    "snippet": hit.snippet_text,
                    "matched": "text" if hit.text_match else "name",
                    "score": round(hit.score, 4),
                    "is_demonstration": hit.demonstration,
                }
            )
        corrected = search_engine.correction(q, hits)
        return Response(
            {"query": q, "corrected": corrected, "count": len(results), "results": results}
        )


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The record has changed since you read it."
    default_code = "precondition_failed"


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The record is still in use."
    default_code = "conflict"


WRITE_ACTIONS = ("create", "update", "partial_update")


class WritableRegistryViewSet(
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    RegistryViewSet,
):
    """A registry resource that secretariat staff may also write (``RegistryWritePermission``).

    Input goes through ``write_serializer_class`` (a ``WriteSerializer``: the model's
    ``full_clean()``); the answer is the record as a read shows it. Each write runs in its own
    savepoint: if the model refuses the save, or the saved record is outside the user's systems
    (e.g. moved to another system's board), nothing of it is kept."""

    write_serializer_class = None

    def get_serializer_class(self):
        if self.action in WRITE_ACTIONS:
            return self.write_serializer_class
        return super().get_serializer_class()

    def get_serializer(self, *args, **kwargs):
        if self.action in WRITE_ACTIONS:
            # ?fields= trims answers, never input.
            kwargs.setdefault("context", self.get_serializer_context())
            return self.write_serializer_class(*args, **kwargs)
        return super().get_serializer(*args, **kwargs)

    def filter_queryset(self, queryset):
        # List filters narrow lists only; a write addresses its record by slug alone.
        if self.action in (*WRITE_ACTIONS, "destroy"):
            return queryset
        return super().filter_queryset(queryset)

    def read_answer(self, instance):
        """The record as its detail's GET shows it — re-read through the detail's queryset (its
        prefetches and privacy marks) into the detail's serializer — so a write's answer, and
        the ETag an ``If-Match`` is compared with, are the detail's (a meeting's detail has its
        quoracy, which its list leaves out)."""
        action, self.action = self.action, "retrieve"
        try:
            instance = self.get_queryset().get(pk=instance.pk)
            serializer_class = self.get_serializer_class()
            context = self.get_serializer_context()
        finally:
            self.action = action
        return serializer_class(instance, context=context).data

    def save_checked(self, serializer):
        user = self.request.user
        try:
            with transaction.atomic():
                instance = serializer.save()
                # The net under the link fields (which offer only linkable records): the saved
                # record, and everything it links to, must be within the writer's systems.
                if not scoping.can(user, scoping.CHANGE, instance, fresh=True) or (
                    scoping.links_outside(instance, user)
                ):
                    raise PermissionDenied(
                        "That would put the record outside the systems you keep; nothing was saved."
                    )
        except DjangoValidationError as error:
            # A rule re-checked under lock at save time (e.g. two clients taking a seat's last
            # place at once).
            raise validation_error(error) from None
        except IntegrityError as error:
            raise ValidationError(
                {"non_field_errors": [f"The database refused the change: {error}".splitlines()[0]]}
            ) from None
        return instance

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        instance = self.save_checked(serializer)
        return self.answer_with_etag(self.read_answer(instance), status.HTTP_201_CREATED)

    def check_if_match(self, request, instance):
        """A write sent with ``If-Match`` applies only to the record as the client read it
        (icsgov.core.concurrency); checked under a row lock, inside the write's transaction."""
        header = request.headers.get("If-Match")
        if not header:
            return
        concurrency.fingerprint(instance, lock=True)  # lock the row for the rest of the write
        current = concurrency.etag(render_json(self.read_answer(instance)))
        if not concurrency.if_match_holds(header, current):
            raise PreconditionFailed(concurrency.API_CONFLICT)

    def answer_with_etag(self, data, status_code=status.HTTP_200_OK):
        response = Response(data, status=status_code)
        response["ETag"] = concurrency.etag(render_json(data))
        return response

    def update(self, request, *args, **kwargs):
        instance = self.get_object()  # 403 unless the stored record is in the user's systems
        self.check_if_match(request, instance)
        serializer = self.get_serializer(
            instance, data=request.data, partial=kwargs.pop("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        instance = self.save_checked(serializer)
        return self.answer_with_etag(self.read_answer(instance))

    def destroy(self, request, *args, **kwargs):
        instance = self.get_object()  # 403/404 unless the record is the user's to change
        if not scoping.may_delete(request.user, instance):
            raise PermissionDenied(instance.withdraw_instead)
        self.check_if_match(request, instance)
        self.perform_destroy(instance)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def perform_destroy(self, instance):
        try:
            with transaction.atomic():
                instance.delete()
        except (ProtectedError, RestrictedError) as error:
            used_by = sorted(
                {str(obj._meta.verbose_name_plural) for obj in error.protected_objects}
            )
            raise Conflict(
                f"{instance} cannot be deleted: {', '.join(used_by)} still refer to it. "
                "End it with an end date, or remove those first."
            ) from None
