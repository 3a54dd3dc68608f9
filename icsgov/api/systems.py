"""``/api/v1/systems/``: the places app's systems with what the top floor reads across the apps,
the integrated care board of each and its codes as at the ``as_at`` date (the ICB is a
partnerships organisation, which the places app may not know)."""

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, Prefetch
from django.db.models.functions import Collate, JSONObject
from rest_framework import serializers

from icsgov.core.api.serializers import absolute_link
from icsgov.core.visibility import visible
from partnerships.api.serializers.briefs import BriefOrganisationSerializer
from partnerships.choices import OrganisationKind
from partnerships.models import Organisation, OrganisationIdentifier
from places.api.serializers import SystemSerializer
from places.api.views import SystemViewSet as PlacesSystemViewSet


class CodesSerializer(serializers.Serializer):
    as_at = serializers.DateField(help_text="The date the codes are given for.")
    ods = serializers.CharField(
        allow_null=True, help_text="The ICB's NHS ODS code on the date; null if none."
    )
    gss = serializers.CharField(
        allow_null=True, help_text="The ONS (GSS) code of the ICB's area on the date; null if none."
    )


class SystemDirectorySerializer(SystemSerializer):
    """A system with its integrated care board and the board's codes as at the date."""

    icb = serializers.SerializerMethodField()
    codes = serializers.SerializerMethodField()

    class Meta(SystemSerializer.Meta):
        # After the region: the board, then its codes.
        _at = SystemSerializer.Meta.fields.index("region_name") + 1
        fields = [
            *SystemSerializer.Meta.fields[:_at],
            "icb",
            "codes",
            *SystemSerializer.Meta.fields[_at:],
        ]

    def _icb(self, system):
        icbs = getattr(system, "icbs", None)
        return icbs[0] if icbs else None

    def get_icb(self, system) -> BriefOrganisationSerializer(allow_null=True):
        icb = self._icb(system)
        if icb is None:
            return None
        # One brief serializer for the whole list (its fields are built once), not one a row.
        brief = self.__dict__.get("_icb_brief")
        if brief is None:
            brief = self.__dict__["_icb_brief"] = BriefOrganisationSerializer(context=self.context)
        return brief.to_representation(icb)

    def get_codes(self, system) -> CodesSerializer:
        date = self.context.get("as_at")
        icb = self._icb(system)
        codes = icb.codes_on(date) if icb and date else {}
        return {"as_at": date, "ods": codes.get("ods"), "gss": codes.get("gss")}

    #: The lean list read (icsgov.core.api.lean): the page's boards with their codes on the
    #: date, in one query.
    lean_page_fields = ("icb", "codes")

    def lean_page_icb(self, context, pks):
        return {pk: icb and icb[0] for pk, icb in _lean_boards(context, pks).items()}

    def lean_page_codes(self, context, pks):
        date = context.get("as_at")
        return {
            pk: {"as_at": date, "ods": codes.get("ods"), "gss": codes.get("gss")}
            for pk, (_, codes) in _lean_boards(context, pks).items()
        }


def integrated_care_boards(user):
    """The integrated care boards ``user`` may see, a system's first to start (its board)
    first."""
    icbs = visible(Organisation.objects.filter(kind=OrganisationKind.ICB), user)
    return icbs.order_by("start_date", "name", "pk")


def _lean_boards(context, pks):
    """``{system pk: (brief or None, {scheme: code})}`` for the page's systems: each one's
    board (BriefOrganisationSerializer's fields) and the board's codes in effect on the date
    (as ``Organisation.codes_on``: by scheme and code, the last of a scheme counts), in one
    query made once for the request (both ``icb`` and ``codes`` read it)."""
    if "_lean_boards" in context:
        return context["_lean_boards"]
    request, date = context["request"], context.get("as_at")
    fields = [name for name in BriefOrganisationSerializer.Meta.fields if name != "url"]
    codes = (
        OrganisationIdentifier.objects.filter(organisation=OuterRef("pk"))
        .as_at(date)
        .order_by("scheme", Collate("code", "C"))  # as codes_on sorts: by code point
        .values(row=JSONObject(scheme="scheme", code="code"))
    )
    rows = (
        integrated_care_boards(request.user)
        .filter(system__in=pks)
        .values_list("system", *fields, ArraySubquery(codes))
    )
    found = dict.fromkeys(pks, (None, {}))
    for system, *values, held in rows:
        if found[system][0] is None:
            brief = dict(zip(fields, values, strict=True))
            brief["url"] = absolute_link(request, "api:organisation-detail", "slug", brief["slug"])
            brief = {name: brief[name] for name in BRIEF}  # in the brief's order
            found[system] = (brief, {c["scheme"]: c["code"] for c in held})
    context["_lean_boards"] = found
    return found


#: The fields of a brief organisation, in their order.
BRIEF = BriefOrganisationSerializer.Meta.fields


class SystemViewSet(PlacesSystemViewSet):
    """Integrated care systems, each with its NHS region, its integrated care board and the
    board's ODS and ONS codes as at ``as_at`` (default today), its dates, how it ended, and its
    predecessors and successors with the day of each change. Time-bounded: ``as_at`` (the
    systems in effect on that day, e.g. 42 on 2025-06-01, 36 from 2026-04-01) or ``current``."""

    serializer_class = SystemDirectorySerializer

    def get_queryset(self):
        icbs = integrated_care_boards(self.request.user).prefetch_related("identifiers")
        return (
            super()
            .get_queryset()
            .prefetch_related(Prefetch("organisations", queryset=icbs, to_attr="icbs"))
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if getattr(self, "request", None) is not None:
            context["as_at"] = self.as_at
        return context
