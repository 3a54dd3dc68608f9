import django_filters
from django.db.models import Q

from icsgov.api.filtersets import TRUE_FALSE, DatedFilterSet, slug_filter
from icsgov.models import today
from icsgov.visibility import visible
from partnerships.choices import (
    AttendanceStatus,
    BoardKind,
    BoardStatus,
    MeetingKind,
    MeetingStatus,
    MembershipKind,
    OrganisationKind,
    Role,
    Sector,
    TermsStatus,
)
from partnerships.models import (
    Attendance,
    Board,
    Decision,
    Meeting,
    Membership,
    Organisation,
    Person,
    Post,
    TermsOfReference,
)
from places.models import Place, System

VOTING = (*TRUE_FALSE, ("unknown", "unknown"))


def _voting_q(prefix, value):
    if value == "unknown":
        return Q(**{f"{prefix}voting__isnull": True})
    return Q(**{f"{prefix}voting": value == "true"})


class OrganisationFilterSet(DatedFilterSet):
    system = slug_filter(System, "system", "System slug.")
    sector = django_filters.ChoiceFilter(choices=Sector.choices)
    kind = django_filters.ChoiceFilter(choices=OrganisationKind.choices)
    q = django_filters.CharFilter(method="search", label="Text in the name or short name.")
    ordering = django_filters.OrderingFilter(fields=("name", "short_name", "sector", "start_date"))

    class Meta:
        model = Organisation
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(short_name__icontains=value))


class BoardFilterSet(DatedFilterSet):
    system = slug_filter(System, "system", "System slug.")
    place = slug_filter(
        Place,
        "place",
        "Place slug: bodies of the place, directly or through a footprint or cluster.",
        method="filter_place",
    )
    kind = django_filters.MultipleChoiceFilter(
        choices=BoardKind.choices, label="Kind of body (repeat for several)."
    )
    status = django_filters.ChoiceFilter(choices=BoardStatus.choices)
    parent = slug_filter(Board, "parent", "Slug of the parent body.")
    organisation = slug_filter(
        Organisation, "convening_organisations", "Slug of a convening organisation."
    )
    q = django_filters.CharFilter(method="search", label="Text in the name or short name.")
    ordering = django_filters.OrderingFilter(fields=("name", "kind", "start_date", "end_date"))

    class Meta:
        model = Board
        fields = []

    def filter_place(self, queryset, name, value):
        return queryset.filter(pk__in=Board.objects.in_place(value).values("pk"))

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(short_name__icontains=value))


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
    as_at = django_filters.DateFilter(label="Holds a seat on this date (YYYY-MM-DD).")
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
        return self.filters["ordering"].filter(queryset, data.get("ordering"))

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(sort_name__icontains=value))


class PostFilterSet(DatedFilterSet):
    system = slug_filter(System, "board__system", "System slug.")
    board = slug_filter(Board, "board", "Body slug.")
    board_kind = django_filters.MultipleChoiceFilter(
        field_name="board__kind", choices=BoardKind.choices, label="Kind of body."
    )
    organisation = slug_filter(
        Organisation, "nominating_organisation", "Slug of the nominating organisation."
    )
    sector = django_filters.ChoiceFilter(field_name="nominating_sector", choices=Sector.choices)
    role = django_filters.MultipleChoiceFilter(choices=Role.choices)
    voting = django_filters.ChoiceFilter(choices=VOTING, method="filter_voting")
    statutory = django_filters.ChoiceFilter(choices=TRUE_FALSE, method="filter_statutory")
    q = django_filters.CharFilter(
        field_name="label", lookup_expr="icontains", label="Text in label."
    )
    ordering = django_filters.OrderingFilter(fields=("label", "order", "role", "start_date"))

    class Meta:
        model = Post
        fields = []

    def filter_voting(self, queryset, name, value):
        return queryset.filter(_voting_q("", value))

    def filter_statutory(self, queryset, name, value):
        return queryset.filter(statutory=value == "true")


class MembershipFilterSet(DatedFilterSet):
    system = slug_filter(System, "post__board__system", "System slug.")
    board = slug_filter(Board, "post__board", "Body slug.")
    board_kind = django_filters.MultipleChoiceFilter(
        field_name="post__board__kind", choices=BoardKind.choices, label="Kind of body."
    )
    post = slug_filter(Post, "post", "Seat slug.")
    person = slug_filter(Person, "person", "Person slug.")
    organisation = slug_filter(Organisation, "on_behalf_of", "On behalf of (organisation slug).")
    sector = django_filters.ChoiceFilter(
        field_name="on_behalf_of__sector", choices=Sector.choices, label="Sector represented."
    )
    role = django_filters.MultipleChoiceFilter(field_name="post__role", choices=Role.choices)
    kind = django_filters.ChoiceFilter(choices=MembershipKind.choices)
    voting = django_filters.ChoiceFilter(
        choices=VOTING,
        method="filter_voting",
        label="Whether the holder votes (the appointment's override, else the seat's).",
    )
    start_date = django_filters.DateFromToRangeFilter(
        label="Started in a range: start_date_after, start_date_before (inclusive)."
    )
    end_date = django_filters.DateFromToRangeFilter(
        label="Ended in a range: end_date_after, end_date_before (inclusive)."
    )
    q = django_filters.CharFilter(method="search", label="Text in the person's name or seat.")
    ordering = django_filters.OrderingFilter(
        fields=("start_date", "end_date", ("person__name", "person"), ("post__label", "post"))
    )

    class Meta:
        model = Membership
        fields = []

    def filter_voting(self, queryset, name, value):
        if value == "unknown":
            return queryset.filter(voting__isnull=True, post__voting__isnull=True)
        own = value == "true"
        return queryset.filter(Q(voting=own) | Q(voting__isnull=True, post__voting=own))

    def search(self, queryset, name, value):
        return queryset.filter(Q(person__name__icontains=value) | Q(post__label__icontains=value))


class TermsOfReferenceFilterSet(DatedFilterSet):
    system = slug_filter(System, "board__system", "System slug.")
    board = slug_filter(Board, "board", "Body slug.")
    status = django_filters.ChoiceFilter(choices=TermsStatus.choices)
    ordering = django_filters.OrderingFilter(fields=("in_force_from", "version", "approved_on"))

    class Meta:
        model = TermsOfReference
        fields = []

    def filter_as_at(self, queryset, name, value):
        """Versions in force on the date: ratified, in force from on or before it, to after."""
        return queryset.in_force_on(value)


class MeetingFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "board__system", "System slug.")
    board = slug_filter(Board, "board", "Body slug.")
    board_kind = django_filters.MultipleChoiceFilter(
        field_name="board__kind", choices=BoardKind.choices, label="Kind of body."
    )
    organisation = slug_filter(Organisation, "host_organisation", "Host organisation slug.")
    kind = django_filters.ChoiceFilter(choices=MeetingKind.choices)
    status = django_filters.ChoiceFilter(choices=MeetingStatus.choices)
    date = django_filters.DateFromToRangeFilter(
        label="Meeting date in a range: date_after, date_before (inclusive)."
    )
    q = django_filters.CharFilter(method="search", label="Text in the title or purpose.")
    ordering = django_filters.OrderingFilter(fields=("date", "title"))

    class Meta:
        model = Meeting
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(purpose__icontains=value))


class AttendanceFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "meeting__board__system", "System slug.")
    board = slug_filter(Board, "meeting__board", "Body slug.")
    meeting = slug_filter(Meeting, "meeting", "Meeting slug.")
    person = slug_filter(Person, "person", "Person slug.")
    status = django_filters.ChoiceFilter(choices=AttendanceStatus.choices)
    ordering = django_filters.OrderingFilter(fields=("meeting__date", "person__name", "id"))

    class Meta:
        model = Attendance
        fields = []


class DecisionFilterSet(django_filters.FilterSet):
    system = slug_filter(System, "meeting__board__system", "System slug.")
    board = slug_filter(Board, "meeting__board", "Body slug.")
    meeting = slug_filter(Meeting, "meeting", "Meeting slug.")
    q = django_filters.CharFilter(field_name="text", lookup_expr="icontains", label="Text.")
    ordering = django_filters.OrderingFilter(fields=("meeting__date", "order", "id"))

    class Meta:
        model = Decision
        fields = []
