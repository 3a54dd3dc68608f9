"""``/api/v1/systems/``: the places app's systems with what the top floor reads across the apps,
the integrated care board of each and its codes as at the ``as_at`` date (the ICB is a
partnerships organisation, which the places app may not know)."""

from django.db.models import Prefetch
from rest_framework import serializers

from icsgov.core.visibility import visible
from partnerships.api.serializers.briefs import BriefOrganisationSerializer
from partnerships.choices import OrganisationKind
from partnerships.models import Organisation
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


class SystemViewSet(PlacesSystemViewSet):
    """Integrated care systems, each with its NHS region, its integrated care board and the
    board's ODS and ONS codes as at ``as_at`` (default today), its dates, how it ended, and its
    predecessors and successors with the day of each change. Time-bounded: ``as_at`` (the
    systems in effect on that day, e.g. 42 on 2025-06-01, 36 from 2026-04-01) or ``current``."""

    serializer_class = SystemDirectorySerializer

    def get_queryset(self):
        icbs = visible(Organisation.objects.filter(kind=OrganisationKind.ICB), self.request.user)
        icbs = icbs.order_by("start_date", "name").prefetch_related("identifiers")
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
