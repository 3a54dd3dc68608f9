from django.middleware.http import ConditionalGetMiddleware
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.decorators import decorator_from_middleware
from django.utils.functional import cached_property
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.fields import DateField
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from icsgov.models import today
from icsgov.search import KINDS, search
from icsgov.visibility import mark_public_links, visible

conditional_get = decorator_from_middleware(ConditionalGetMiddleware)


class CachedReadMixin:
    """Reads carry an ETag and answer ``If-None-Match`` with 304 Not Modified. Anonymous answers
    may be cached by anyone for five minutes; staff answers (with unpublished data) only by the
    user's own browser, and only after revalidating."""

    @classmethod
    def as_view(cls, *args, **kwargs):
        return conditional_get(super().as_view(*args, **kwargs))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            if request.user.is_authenticated:
                patch_cache_control(response, private=True, no_cache=True)
            else:
                patch_cache_control(response, public=True, max_age=300)
            patch_vary_headers(response, ["Cookie"])
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
    """Read-only list and detail by slug, restricted to what the client may see: anonymous
    clients get published records only; staff see everything."""

    lookup_field = "slug"
    #: Nullable links to objects that may be private: {field: rule from icsgov.visibility}.
    public_links: dict = {}

    def get_queryset(self):
        queryset = visible(super().get_queryset(), self.request.user)
        return mark_public_links(queryset, self.request.user, self.public_links)

    def filter_queryset(self, queryset):
        # List filters do not apply to a detail: ``/boards/x/?as_at=D`` describes board x as at
        # D (even before it began: no members then), it does not hide it.
        if self.action == "retrieve":
            return queryset
        return super().filter_queryset(queryset)

    @cached_property
    def as_at(self):
        """The ``as_at`` date a detail answers for (default today); a malformed date is a 400."""
        raw = self.request.query_params.get("as_at")
        if not raw:
            return today()
        try:
            return DateField().to_internal_value(raw)
        except Exception:
            raise ValidationError(
                {"as_at": [f"'{raw}' is not a date; use YYYY-MM-DD, e.g. 2023-04-01."]}
            ) from None


class SearchHitSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=KINDS, help_text="Kind of record.")
    slug = serializers.CharField()
    name = serializers.CharField()
    url = serializers.URLField(help_text="The record's API address.")
    score = serializers.FloatField(help_text="Relevance: higher is better.")


class SearchResultsSerializer(serializers.Serializer):
    query = serializers.CharField()
    count = serializers.IntegerField(help_text="Number of results returned.")
    results = SearchHitSerializer(many=True)


class SearchParametersSerializer(serializers.Serializer):
    q = serializers.CharField(max_length=200, help_text="What to look for; typos are tolerated.")
    type = serializers.MultipleChoiceField(
        choices=KINDS, required=False, help_text="Only these kinds (repeat for several)."
    )
    limit = serializers.IntegerField(min_value=1, max_value=100, default=20)


# Search kinds → the router's detail view names.
SEARCH_VIEWS = {
    "person": "api:person-detail",
    "organisation": "api:organisation-detail",
    "board": "api:board-detail",
    "place": "api:place-detail",
    "cluster": "api:cluster-detail",
    "strategy": "api:strategy-detail",
    "milestone": "api:milestone-detail",
}


class SearchView(CachedReadMixin, APIView):
    """Ranked search across people, organisations, boards, places, clusters, strategies and
    milestones (full text plus trigram similarity, so misspelt names still match). Anonymous
    clients search published records only."""

    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]

    @extend_schema(
        parameters=[SearchParametersSerializer],
        responses={200: SearchResultsSerializer},
    )
    def get(self, request):
        params = SearchParametersSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        q = params.validated_data["q"]
        hits = search(
            q,
            user=request.user,
            kinds=params.validated_data.get("type") or None,
            limit=params.validated_data["limit"],
        )
        results = [
            {
                "type": hit.kind,
                "slug": hit.object.slug,
                "name": hit.name,
                "url": request.build_absolute_uri(
                    reverse(SEARCH_VIEWS[hit.kind], kwargs={"slug": hit.object.slug})
                ),
                "score": round(hit.score, 4),
            }
            for hit in hits
        ]
        return Response({"query": q, "count": len(results), "results": results})
