"""``/api/v1/compliance/``: the registry's compliance findings (icsgov.core.checks) as at a
date, filtered by system, body, check and severity.

On the top floor because the checks read across every app. Anonymous clients see the findings
about public records of real systems only (never the demonstration or synthetic systems');
staff also those of their own systems, superusers everything.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from icsgov.core import scoping
from icsgov.core.api.renderers import OrjsonRenderer
from icsgov.core.api.views import CachedReadMixin
from icsgov.core.checks import Severity, checks, counts, run_checks
from icsgov.core.dates import InvalidDate, parse_as_at
from icsgov.core.visibility import visible
from partnerships.models import Board
from places.models import System


class ComplianceParametersSerializer(serializers.Serializer):
    system = serializers.SlugField(required=False, help_text="Slug of the system.")
    body = serializers.SlugField(required=False, help_text="Only findings about this body (slug).")
    check = serializers.ChoiceField(
        choices=(), required=False, help_text="Only this check's findings (its id)."
    )
    severity = serializers.ChoiceField(
        choices=Severity.choices, required=False, help_text="Only findings of this severity."
    )
    as_at = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="The date the checks answer for, YYYY-MM-DD (default today).",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The checks the apps register (icsgov.core.checks), known once the apps are ready.
        self.fields["check"].choices = [(each.id, each.title) for each in checks()]

    def validate_as_at(self, value):
        try:
            return parse_as_at(value)
        except InvalidDate as error:
            raise serializers.ValidationError(str(error)) from None

    def validate_system(self, value):
        user = self.context["request"].user
        found = System.objects.filter(slug=value).first()
        if found is None or not _may_see_system(user, found):
            raise serializers.ValidationError(f"No system '{value}'.")
        return found

    def validate_body(self, value):
        user = self.context["request"].user
        found = visible(Board.objects.filter(slug=value), user).select_related("system").first()
        if found is None or not _may_see_system(user, found.system):
            raise serializers.ValidationError(f"No body '{value}'.")
        return found

    def validate(self, attrs):
        body, system = attrs.get("body"), attrs.get("system")
        if body is not None and system is not None and body.system_id != system.pk:
            raise serializers.ValidationError(
                {"body": f"The body '{body.slug}' is not in {system}."}
            )
        return attrs


class FindingSerializer(serializers.Serializer):
    check = serializers.CharField(help_text="The check's stable id, e.g. icp.council-members.")
    severity = serializers.ChoiceField(choices=Severity.choices)
    undecidable = serializers.BooleanField(
        help_text="The data cannot decide whether the rule is met (the message says what is "
        "missing); never counted as a breach."
    )
    system = serializers.CharField(allow_null=True, help_text="Slug of the system.")
    system_name = serializers.CharField()
    body = serializers.CharField(
        allow_null=True, help_text="Slug of the body the finding concerns; null when none."
    )
    record = serializers.CharField(help_text="The record the finding is about.")
    link = serializers.CharField(
        allow_null=True, help_text="The record's public page (path); null when it has none."
    )
    message = serializers.CharField(help_text="What is wrong, in plain English.")
    source = serializers.CharField(help_text="The rule and where it comes from.")
    source_url = serializers.CharField(help_text="Where to read the rule.")


class ComplianceCountsSerializer(serializers.Serializer):
    error = serializers.IntegerField()
    warning = serializers.IntegerField()
    information = serializers.IntegerField()
    undecidable = serializers.IntegerField()


class ComplianceSerializer(serializers.Serializer):
    as_at = serializers.DateField()
    count = serializers.IntegerField(help_text="Number of findings returned.")
    counts = ComplianceCountsSerializer(help_text="The findings returned, by severity.")
    results = FindingSerializer(many=True)


def _may_see_system(user, system) -> bool:
    if system.is_synthetic is False and system.is_demonstration is False:
        return True
    own = scoping.system_ids(user, scoping.VIEW)
    return own is None or system.pk in own


def _may_see(user, finding) -> bool:
    """Findings about public records of real systems, and those of the user's own systems."""
    own = scoping.system_ids(user, scoping.VIEW)
    if own is None or finding.system.pk in own:
        return True
    system = finding.system
    return finding.public and not system.is_synthetic and not system.is_demonstration


class ComplianceView(CachedReadMixin, APIView):
    """Where the registry falls short of the law, the guidance or a body's own rules, as at a
    date: each finding with its check, severity, record, message and the rule's source.
    Findings the data cannot decide are marked ``undecidable``."""

    renderer_classes = [OrjsonRenderer, BrowsableAPIRenderer]

    @extend_schema(
        parameters=[ComplianceParametersSerializer],
        responses={200: ComplianceSerializer},
    )
    def get(self, request):
        params = ComplianceParametersSerializer(
            data=request.query_params, context={"request": request}
        )
        params.is_valid(raise_exception=True)
        date = params.validated_data.get("as_at") or parse_as_at(None)
        check = params.validated_data.get("check")
        severity = params.validated_data.get("severity")
        body = params.validated_data.get("body")
        findings = [
            finding
            for finding in run_checks(
                system=params.validated_data.get("system") or (body.system if body else None),
                as_at=date,
                check_ids=[check] if check else None,
            )
            if (severity is None or finding.severity == severity)
            and (body is None or finding.body == body.slug)
            and _may_see(request.user, finding)
        ]
        return Response(
            {
                "as_at": date,
                "count": len(findings),
                "counts": counts(findings),
                "results": [finding.as_dict() for finding in findings],
            }
        )
