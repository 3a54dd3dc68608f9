import django_filters
from django.db.models import Q

from icsgov.core.api.filtersets import TRUE_FALSE, AsAtFilter, slug_filter
from icsgov.core.dates import today
from icsgov.core.visibility import visible
from partnerships.choices import Role
from partnerships.models import Board, Membership, Organisation, Person
from places.models import System


class PersonFilterSet(django_filters.FilterSet):
    """People by their appointments. The appointment filters combine: ``board=x&as_at=D`` is
    people holding a seat on board x on D, not people on x at some time who held any seat on D."""

    system = slug_filter(System, "memberships__post__board__system", "Holds a seat in the system.")
    board = slug_filter(Board, "memberships__post__board", "Holds a seat on the body.")
    organisation = slug_filter(
        Organisation, "memberships__on_behalf_of", "Holds a seat on behalf of the organisation."
    )
    role = django_filters.ChoiceFilter(
        field_name="memberships__post__role",
        choices=Role.choices,
        label="Holds a seat of the role.",
    )
    as_at = AsAtFilter(label="Holds a seat on this date (YYYY-MM-DD).")
    current = django_filters.ChoiceFilter(
        choices=TRUE_FALSE, label="true: holds a seat today; false: holds none today."
    )
    q = django_filters.CharFilter(method="search", label="Text in the name.")
    ordering = django_filters.OrderingFilter(fields=("name", "sort_name"))

    class Meta:
        model = Person
        fields = []

    APPOINTMENT_FILTERS = {
        "system": "post__board__system",
        "board": "post__board",
        "organisation": "on_behalf_of",
        "role": "post__role",
    }

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        memberships = visible(Membership.objects.all(), getattr(self.request, "user", None))
        used = False
        for name, lookup in self.APPOINTMENT_FILTERS.items():
            if data.get(name) not in (None, ""):
                memberships, used = memberships.filter(**{lookup: data[name]}), True
        if data.get("as_at"):
            memberships, used = memberships.as_at(data["as_at"]), True
        if data.get("current") == "true":
            memberships, used = memberships.as_at(today()), True
        if used:
            queryset = queryset.filter(pk__in=memberships.values("person_id"))
        if data.get("current") == "false":
            queryset = queryset.exclude(pk__in=memberships.as_at(today()).values("person_id"))
        if data.get("q"):
            queryset = self.search(queryset, "q", data["q"])
        if not data.get("ordering"):  # (the list's backend builds only the filters given)
            return queryset
        return self.filters["ordering"].filter(queryset, data["ordering"])

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(sort_name__icontains=value))
