"""Read models shared by the pages and the API: one answer to a composite question, so the board
page and the board API describe a body as at a date the same way."""

import datetime
from dataclasses import dataclass

from django.db.models import (
    Count,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from icsgov.core.dates import today
from icsgov.core.visibility import visible
from partnerships.choices import (
    AttendanceStatus,
    IdentifierScheme,
    MeetingStatus,
    MembershipKind,
    OrganisationKind,
)
from partnerships.models import (
    Board,
    CouncilArea,
    Meeting,
    Membership,
    Organisation,
    OrganisationIdentifier,
    Post,
    TermsOfReference,
)
from partnerships.rules.chairs import chairs_among


@dataclass
class BoardOnDate:
    """A body as at a date, as ``viewer`` may see it."""

    board: Board
    date: datetime.date
    members: list  # appointments in effect, seat by seat
    chairs: list  # the members who chair (partnerships.rules.chairs)
    seats: list  # seats in effect, with ``filled`` and ``vacancies`` (partnerships.rules.seats)
    terms: TermsOfReference | None  # the version in force


def board_on(board, date, viewer=None) -> BoardOnDate:
    """Who sits on ``board`` on ``date``, its seats with places filled and vacant, its chairs and
    its terms of reference in force — what ``viewer`` may see (anonymous when None)."""
    members, seats, terms = board_on_querysets(board, date, viewer)
    members, seats, terms = list(members), list(seats), terms.first()
    return BoardOnDate(board, date, members, chairs_among(members), seats, terms)


def board_on_querysets(board, date, viewer=None):
    """``board_on``'s three reads, not yet run: the members in effect (seat by seat), the seats
    in effect with their counts, the terms of reference in force (the first) — for a door that
    reads their rows as tuples (the API's detail)."""
    members = visible(Membership.objects.all(), viewer).on_board(board, date)
    seats = (
        visible(Post.objects.filter(board=board), viewer)
        .as_at(date)
        .with_counts(date, viewer)
        .select_related("nominating_organisation")
        .order_by("order", "label")
    )
    terms = (
        visible(TermsOfReference.objects.filter(board=board), viewer)
        .in_force_on(date)
        .select_related("board", "approval_meeting")
        .prefetch_related("clauses")
    )
    return members, seats, terms


@dataclass
class CouncilsOnDate:
    """The upper-tier councils in a system's area on a date, as ``viewer`` may see them: what a
    statutory ICP's local authority membership is checked against (s.116ZA NHS Act 2006: every
    upper-tier council wholly or partly in the area)."""

    system: object
    date: datetime.date
    links: list  # CouncilArea rows linked to the system on the date, by council name
    not_known: list  # links on the date whose system no source gives, naming this one as possible

    @property
    def councils(self) -> list:
        return [link.organisation for link in self.links]

    @property
    def confirmed(self) -> list:
        """Links presented as fact (confirmed by ONS, or derived from ONS and ODS data)."""
        return [link for link in self.links if link.is_fact]

    @property
    def unconfirmed(self) -> list:
        """Links inferred but not confirmed by a published lookup: never to be taken as fact."""
        return [link for link in self.links if not link.is_fact]

    @property
    def split(self) -> list:
        return [link for link in self.links if link.split]

    @property
    def complete(self) -> bool:
        """Whether the list is known to be whole: nothing unconfirmed, nothing not known."""
        return not self.not_known and not self.unconfirmed


def councils_on(system, date, viewer=None) -> CouncilsOnDate:
    """The councils in ``system``'s area on ``date`` (split councils with their share, each
    link with its status), and the councils that may be in it but no source says (three
    queries, however many councils)."""
    return councils_of([system], date, viewer, codes=True)[system.pk]


def councils_of(systems, date, viewer=None, codes=False) -> dict:
    """{system id: CouncilsOnDate} for each of ``systems`` on ``date``, as ``viewer`` may see
    them: the one rule ``councils_on`` answers for one system, in the same few queries however
    many systems (the compliance checks ask about every system at once). ``codes``: also each
    council's GSS code on the date."""
    ids = [system.pk for system in systems]
    rows = visible(CouncilArea.objects.all(), viewer).as_at(date).select_related("organisation")
    if codes:
        rows = rows.select_related("source").prefetch_related(
            Prefetch("organisation__identifiers", queryset=OrganisationIdentifier.objects.all())
        )
    links = list(rows.filter(system__in=ids).order_by("organisation__name"))
    not_known = list(
        rows.filter(system__isnull=True, candidates__in=ids)
        .distinct()
        .prefetch_related("candidates")
        .order_by("organisation__name")
    )
    if codes:
        for link in links + not_known:
            link.gss_code = link.organisation.codes_on(date).get(IdentifierScheme.GSS)
    answers = {system.pk: CouncilsOnDate(system, date, [], []) for system in systems}
    for link in links:
        answers[link.system_id].links.append(link)
    for link in not_known:
        for candidate in link.candidates.all():
            if candidate.pk in answers:
                answers[candidate.pk].not_known.append(link)
    return answers


def icbs_of(systems, viewer=None) -> dict:
    """{system id: its integrated care board organisation} for ``systems``, each with its codes
    prefetched (``Organisation.codes_on``), in two queries."""
    icbs = (
        visible(Organisation.objects.filter(kind=OrganisationKind.ICB), viewer)
        .filter(system__in=systems)
        .prefetch_related("identifiers")
        .order_by("start_date", "name")
    )
    found = {}
    for icb in icbs:
        found.setdefault(icb.system_id, icb)
    return found


@dataclass
class SecretariatTasks:
    """What a system's secretariat has to do, as counts for its start page."""

    vacant_seats: int  # seats with places known to be empty (partnerships.rules.seats)
    vacant_places: int
    not_recorded_seats: int  # seats of bodies known from papers with no holder recorded
    not_recorded_places: int
    terms_ending: int  # appointments ending within ``ending_days``
    ending_days: int
    meetings_without_attendance: int
    terms_review_overdue: int  # terms of reference in force past their review date


def secretariat_tasks(system, date, viewer, ending_days) -> SecretariatTasks:
    """The start page's counts for ``system`` on ``date``: one query each, however many rows."""
    seats = (
        Post.objects.filter(board__system=system)
        .as_at(date)
        .with_counts(date, viewer)
        .aggregate(
            vacant_seats=Count("pk", filter=Q(vacancies__gt=0)),
            vacant_places=Sum("vacancies", filter=Q(vacancies__gt=0), default=0),
            not_recorded_seats=Count("pk", filter=Q(not_recorded__gt=0)),
            not_recorded_places=Sum("not_recorded", filter=Q(not_recorded__gt=0), default=0),
        )
    )
    return SecretariatTasks(
        **seats,
        terms_ending=Membership.objects.for_system(system).ending_within(date, ending_days).count(),
        ending_days=ending_days,
        meetings_without_attendance=Meeting.objects.filter(board__system=system)
        .without_attendance(date)
        .count(),
        terms_review_overdue=TermsOfReference.objects.filter(board__system=system)
        .review_overdue(date)
        .count(),
    )


@dataclass
class AttendanceRecord:
    """One member's attendance at a body's meetings in a calendar year, counted as councils'
    users ask: only meetings held while they held the seat (cancelled and merely scheduled
    meetings are not counted); meetings whose attendance is not recorded shown apart, never
    as absences; a substitute sent shown apart, not as attending."""

    membership: Membership
    year: int
    held: int  # meetings held while they held the seat
    present: int
    virtual: int
    substitute: int
    apologies: int
    absent: int
    expectation: int | None  # per cent, from the terms of reference in force

    @property
    def attended(self) -> int:
        return self.present + self.virtual

    @property
    def expected(self) -> int:
        """Meetings whose attendance is known (ModernGov's 'total expected attendances')."""
        return self.present + self.virtual + self.substitute + self.apologies + self.absent

    @property
    def not_recorded(self) -> int:
        return self.held - self.expected

    @property
    def rate(self) -> int | None:
        """Per cent of the expected meetings attended in person or virtually (a substitute
        sent does not count); None when none is expected."""
        return round(100 * self.attended / self.expected) if self.expected else None

    @property
    def meets_expectation(self) -> bool | None:
        if self.expectation is None or self.rate is None:
            return None
        return self.rate >= self.expectation

    @property
    def summary(self) -> str:
        if not self.held:
            return "No meetings held while in the seat"
        text = f"Attended {self.attended} of {self.expected} expected"
        if self.expected:
            text += f" ({self.rate}%)"
        if self.not_recorded:
            text += f"; {self.not_recorded} not recorded"
        return text


def attendance_records(memberships, year) -> list:
    """:class:`AttendanceRecord` for each of ``memberships`` (appointments of members: the
    kind that takes a place) in calendar ``year``, counted in SQL in one query, plus one for
    the bodies' terms of reference (the attendance expected)."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    held = (
        Meeting.objects.filter(
            board=OuterRef("post__board"),
            status=MeetingStatus.HELD,
            date__range=(first, last),
            date__gte=OuterRef("start_date"),
            date__lte=Coalesce(OuterRef("end_date"), Value(last)),
        )
        .order_by()
        .annotate(n=Func(F("id"), function="COUNT"))
        .values("n")
    )

    def rows(status):
        # The attendance rule keeps a member's rows within their appointment's dates.
        return Count(
            "attendance",
            filter=Q(
                attendance__status=status,
                attendance__meeting__status=MeetingStatus.HELD,
                attendance__meeting__date__range=(first, last),
            ),
        )

    annotated = list(
        memberships.filter(kind=MembershipKind.MEMBER)
        .annotate(
            held_count=Subquery(held, output_field=IntegerField()),
            present_count=rows(AttendanceStatus.PRESENT),
            virtual_count=rows(AttendanceStatus.PRESENT_VIRTUALLY),
            substitute_count=rows(AttendanceStatus.SUBSTITUTE),
            apologies_count=rows(AttendanceStatus.APOLOGIES),
            absent_count=rows(AttendanceStatus.ABSENT),
        )
        .select_related("person", "post__board")
    )
    on = min(last, today())
    boards = {m.post.board_id for m in annotated}
    expectations = {
        t.board_id: t.attendance_expectation_percent
        for t in TermsOfReference.objects.filter(board_id__in=boards)
        .ratified()
        .order_by("in_force_from")
        if t.in_force_from <= on and (t.in_force_to is None or t.in_force_to >= first)
    }
    return [
        AttendanceRecord(
            membership=m,
            year=year,
            held=m.held_count or 0,
            present=m.present_count,
            virtual=m.virtual_count,
            substitute=m.substitute_count,
            apologies=m.apologies_count,
            absent=m.absent_count,
            expectation=expectations.get(m.post.board_id),
        )
        for m in annotated
    ]


def attendance_years(boards) -> list:
    """Calendar years in which any of ``boards`` held meetings, latest first."""
    return [
        d.year
        for d in Meeting.objects.filter(board__in=boards, status=MeetingStatus.HELD).dates(
            "date", "year", order="DESC"
        )
    ]


def chosen_year(years, value):
    """The year asked for (``?attendance_year=``) if it is one of ``years``, else the latest."""
    return (
        int(value)
        if value and value.isdigit() and int(value) in years
        else (years[0] if years else None)
    )
