"""The OpenAPI schema (drf-spectacular): ``RegistrySchema`` documents what every resource shares —
``?fields=``, and every error status an operation can return, each with the one error body
(``ErrorSerializer``) — so no viewset repeats it; ``writable()`` adds the writes' own."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

FIELDS = OpenApiParameter(
    "fields",
    OpenApiTypes.STR,
    description="Comma-separated field names to keep in each object, e.g. slug,name,url. "
    "An unknown name is a 400.",
)
RETRY_AFTER = OpenApiParameter(
    "Retry-After",
    OpenApiTypes.INT,
    location=OpenApiParameter.HEADER,
    response=[429],
    description="Seconds to wait before asking again.",
)


def _error(description):
    from icsgov.core.api.serializers import ErrorSerializer

    return OpenApiResponse(ErrorSerializer, description=description)


class RegistrySchema(AutoSchema):
    """Documents ``?fields=`` on every registry list and detail (icsgov.core.api.views.
    FieldsMixin), and the error answers of every operation (:meth:`error_responses`)."""

    def get_override_parameters(self):
        from icsgov.core.api.views import FieldsMixin

        parameters = super().get_override_parameters()
        if isinstance(self.view, FieldsMixin) and self.method == "GET":
            parameters = [*parameters, FIELDS]
        if self._throttled():
            parameters = [*parameters, RETRY_AFTER]
        return parameters

    def _throttled(self):
        return bool(getattr(self.view, "throttle_classes", ()))

    def _query_names(self) -> set:
        return {p["name"] for p in self._get_parameters() if p["in"] == "query"}

    def _malformed_query(self) -> str:
        """What a client may get wrong in this operation's query parameters, in words."""
        names = self._query_names()
        cases = []
        if names - {"as_at", "ordering", "limit", "offset", "fields", "format"}:
            cases.append(
                "an unknown or unseen slug, an unknown choice or a malformed value in a filter"
            )
        if "as_at" in names:
            cases.append(
                "an as_at that is not a real YYYY-MM-DD between 5 July 1948 and 31 December 2100"
            )
        if "ordering" in names:
            cases.append("an unknown ordering")
        if names & {"limit", "offset"}:
            cases.append("a limit or offset that is not a whole number")
        if "fields" in names:
            cases.append("an unknown field name")
        return "; ".join(cases)

    def error_responses(self) -> dict:
        """{status: OpenApiResponse} for the errors this operation can answer with, beyond those
        its view declares itself (``writable()``: 400, 401, 403, 404, 409 on writes):

        - 400 on a read that takes query parameters (a filter, ``as_at``, ``ordering``,
          ``limit``/``offset``, ``fields``): a malformed or unknown value is refused, naming it;
        - 401 on a read: a token was sent but is not valid (reads need none);
        - 404 on any operation with a record in its address, and on a read that takes
          ``format`` (an unknown format);
        - 429 where throttling applies, with ``Retry-After``.
        """
        errors = {}
        if self.method == "GET":
            malformed = self._malformed_query()
            if malformed:
                errors[400] = _error(
                    f"A malformed query parameter, named in the error: {malformed}."
                )
            errors[401] = _error("A token was sent but is not valid (reads need no token).")
        missing = []
        if "{" in self.path:
            missing.append("No such record, or not one you may see.")
        if self.method == "GET" and "format" in self._query_names():
            missing.append("No such format (format is json or csv).")
        if missing:
            errors[404] = _error(" ".join(missing))
        if self._throttled():
            errors[429] = _error("Too many requests: wait for Retry-After seconds.")
        return errors

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for status, response in self.error_responses().items():
            if str(status) not in responses:
                responses[str(status)] = self._get_response_for_code(
                    response, str(status), direction=direction
                )
        return dict(sorted(responses.items()))


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    description="The ETag of the record as you read it: if it has changed since, the write is a "
    "412 and nothing is saved. Optional (without it the last write wins).",
)


def writable(viewset):
    """Documents a WritableRegistryViewSet's writes: input as its write serializer, the answer
    as its read serializer, ``If-Match`` on changes, and the error answers."""
    from drf_spectacular.utils import extend_schema, extend_schema_view

    read, write = viewset.serializer_class, viewset.write_serializer_class
    errors = {
        401: _error("No valid token."),
        403: _error("No secretariat role on the record's system."),
        404: _error("No such record, or not yours to see."),
    }
    invalid = {
        400: _error(
            "A field or a rule is broken, a field is unknown or not writable, or the body is "
            "not JSON."
        ),
        413: _error("The request body is too large."),
    }
    changed = {412: _error("The record has changed since you read it (If-Match).")}
    change = {
        "request": write,
        "parameters": [IF_MATCH],
        "responses": {200: read, **invalid, **errors, **changed},
    }
    return extend_schema_view(
        create=extend_schema(request=write, responses={201: read, **invalid, **errors}),
        update=extend_schema(**change),
        partial_update=extend_schema(**change),
        destroy=extend_schema(
            parameters=[IF_MATCH],
            responses={
                204: None,
                409: _error("Still referred to."),
                **errors,
                403: _error(
                    "No secretariat role on the record's system, or a public record only a "
                    "superuser may delete (the message says how to end or withdraw it instead)."
                ),
                **changed,
            },
        ),
    )(viewset)
