"""The demonstration system: "Exampleshire and Wyeside ICS — demonstration data", a clearly
fictional system with the full shape of a real one, so people can see the registry at work.

An ICB board and two committees, an ICP with its core committee and two assemblies, two places
each with a health and wellbeing board, a place partnership board and two clusters with their
boards; every seat filled by a plainly fictional person (names from the fixed lists below); the
ICB board's terms of reference in two versions; a year of meetings (April 2025 to March 2026)
with attendance and decisions; an integrated care strategy with priorities and milestones.

Deterministic (fixed names and dates, no randomness) and idempotent: every record is found by
its slug (or natural key) and saved only when a value differs, so loading twice changes nothing.
Every record goes through ``full_clean()``, as the admin would. :func:`remove_demo` deletes it
all. The system is marked ``is_demonstration``: pages show a banner, the API marks it, and it is
never listed among the real systems.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction

from icsgov.core.dates import DatePrecision
from icsgov.core.models import Source, SourceKind
from partnerships.choices import (
    AttendanceStatus,
    BoardKind,
    BoardOffice,
    ChairModel,
    ClauseTopic,
    DecisionOutcome,
    MeetingKind,
    MeetingStatus,
    MembershipKind,
    OrganisationKind,
    PaperKind,
    Role,
    Sector,
    TermsStatus,
)
from partnerships.models import (
    AgendaItem,
    Attendance,
    Board,
    Decision,
    GiftOrHospitality,
    Interest,
    Meeting,
    MeetingCycle,
    MeetingDeclaration,
    MeetingPaper,
    Membership,
    Organisation,
    Person,
    Post,
    TermsClause,
    TermsOfReference,
)
from places.models import Cluster, Place, System
from strategy.choices import ReconsiderationOutcome, Scope, StrategyKind, StrategyStatus
from strategy.models import Milestone, NeedsAssessment, Priority, Reconsideration, Strategy

SYSTEM_SLUG = "exampleshire-and-wyeside"
SYSTEM_NAME = "Exampleshire and Wyeside ICS — demonstration data"
PREFIX = "demo-"  # every other demonstration slug starts with it
D = datetime.date
FROM = D(2024, 4, 1)  # the appointments' start: every seat filled since then

#: Plainly fictional names: each person is a first name and a surname from these lists.
FIRST_NAMES = [
    "Alex", "Bea", "Cal", "Dana", "Eli", "Fran", "Gus", "Hana", "Ivo", "Jo", "Kit", "Lou",
]  # fmt: skip
SURNAMES = ["Example", "Sample", "Specimen", "Placeholder", "Demo", "Mockridge", "Testwood"]

ORGANISATIONS = [
    ("icb", "NHS Exampleshire and Wyeside Integrated Care Board", Sector.NHS, OrganisationKind.ICB),
    ("county", "Exampleshire County Council", Sector.LOCAL_GOVERNMENT,
     OrganisationKind.COUNTY_COUNCIL),
    ("wyeside", "Wyeside Council", Sector.LOCAL_GOVERNMENT, OrganisationKind.UNITARY_AUTHORITY),
    ("hospitals", "Exampleshire Hospitals NHS Trust", Sector.NHS, OrganisationKind.ACUTE_TRUST),
    ("community", "Wyeside Community and Mental Health NHS Trust", Sector.NHS,
     OrganisationKind.MENTAL_HEALTH_TRUST),
    ("healthwatch", "Healthwatch Exampleshire and Wyeside", Sector.HEALTHWATCH,
     OrganisationKind.HEALTHWATCH),
    ("vcse", "Exampleshire and Wyeside Voluntary Action", Sector.VCSE, OrganisationKind.VCSE_BODY),
]  # fmt: skip

#: Each body's seats: (label, role, places, organisation key or None).
BOARD_SEATS = [
    ("Chair", Role.CHAIR, 1, "icb"),
    ("Chief executive", Role.MEMBER, 1, "icb"),
    ("Partner member: NHS trusts", Role.MEMBER, 2, "hospitals"),
    ("Partner member: local authorities", Role.MEMBER, 1, "county"),
]
COMMITTEE_SEATS = [
    ("Chair", Role.CHAIR, 1, "icb"),
    ("Non-executive member", Role.MEMBER, 2, "icb"),
]
PARTNERSHIP_SEATS = [
    ("Chair", Role.CHAIR, 1, "county"),
    ("NHS representatives", Role.MEMBER, 2, "hospitals"),
    ("Local authority representative", Role.MEMBER, 1, "wyeside"),
    ("Healthwatch representative", Role.MEMBER, 1, "healthwatch"),
    ("Voluntary sector representative", Role.MEMBER, 1, "vcse"),
]
#: The offices the ICB board's seats fill under its constitution (the composition check reads
#: them). The board has no partner member for primary medical services: the check says so.
BOARD_OFFICES = {
    "Chair": BoardOffice.CHAIR,
    "Chief executive": BoardOffice.CHIEF_EXECUTIVE,
    "Partner member: NHS trusts": BoardOffice.PARTNER_TRUSTS,
    "Partner member: local authorities": BoardOffice.PARTNER_LOCAL_AUTHORITIES,
}
CLUSTER_SEATS = [
    ("Cluster lead", Role.LEAD, 1, "community"),
    ("Member", Role.MEMBER, 2, "vcse"),
]


@dataclass
class Stats:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    by_kind: dict = field(default_factory=dict)


class Loader:
    def __init__(self):
        self.stats = Stats()
        self.people = 0

    def put(self, model, lookup, **values):
        """The record ``lookup`` finds, created or brought up to ``values`` (saved only when a
        value differs), checked as every door checks it."""
        names = {f.name for f in model._meta.concrete_fields}
        if "source_section" in names:
            values.setdefault("source_section", "fictional demonstration data")
        obj = model._default_manager.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            self.stats.created += 1
        else:
            changed = [k for k, v in values.items() if getattr(obj, k) != v]
            if not changed:
                self.stats.unchanged += 1
                return obj
            for name in changed:
                setattr(obj, name, values[name])
            self.stats.updated += 1
        obj.full_clean()
        obj.save()
        kind = model._meta.verbose_name_plural
        self.stats.by_kind[kind] = self.stats.by_kind.get(kind, 0) + 1
        return obj

    def next_person(self, system, source):
        n = self.people
        self.people += 1
        first = FIRST_NAMES[n % len(FIRST_NAMES)]
        surname = SURNAMES[(n // len(FIRST_NAMES)) % len(SURNAMES)]
        name = f"{first} {surname}"
        return self.put(
            Person,
            {"slug": f"{PREFIX}{first}-{surname}".lower()},
            name=name,
            sort_name=f"{surname}, {first}",
            system=system,
            is_published=True,
            source=source,
            biography="A fictional person in the demonstration system.",
        )

    def board(self, system, source, key, name, kind, seats, orgs, **extra):
        board = self.put(
            Board,
            {"slug": f"{PREFIX}{key}"},
            name=name,
            kind=kind,
            system=system,
            start_date=D(2022, 7, 1),
            membership_maintained_from=FROM,
            meets_in_public=True,
            source=source,
            **extra,
        )
        for order, (label, role, places, org) in enumerate(seats, start=1):
            post = self.put(
                Post,
                {"slug": f"{PREFIX}{key}-{order}"},
                board=board,
                label=label,
                role=role,
                places=places,
                order=order,
                voting=True,
                source=source,
            )
            for place in range(places):
                person = self.next_person(system, source)
                self.put(
                    Membership,
                    {"slug": f"{PREFIX}{key}-{order}-{place + 1}"},
                    person=person,
                    post=post,
                    on_behalf_of=orgs[org] if org else None,
                    start_date=FROM,
                    source=source,
                )
        return board

    def meetings(self, board, source, dates, exercise=False):
        """A year of held meetings with agenda, papers, attendance and decisions. With
        ``exercise`` (the ICB board), the cases the attendance and quoracy rules are for: a
        meeting below quorum, a substitute attending for a member, a member who joined
        mid-year (expected only from then), and a meeting whose attendance was not recorded."""
        members = list(
            Membership.objects.filter(post__board=board, kind=MembershipKind.MEMBER)
            .select_related("person", "deputy_for")
            .order_by("slug")
        )
        substitutes = {
            m.deputy_for_id: m.person
            for m in Membership.objects.filter(
                post__board=board, kind=MembershipKind.SUBSTITUTE
            ).select_related("person")
        }
        for n, date in enumerate(dates, start=1):
            meeting = self.put(
                Meeting,
                {"slug": f"{board.slug}-{date.isoformat()}"},
                board=board,
                title=f"Meeting {n} of {date.year if date.month > 3 else date.year - 1}/"
                f"{(date.year + 1 if date.month > 3 else date.year) % 100:02d}",
                date=date,
                status=MeetingStatus.HELD,
                purpose=f"Regular business of the {board.name}.",
                location="Exampleshire County Hall (fictional)",
                notice_published_on=date - datetime.timedelta(days=7),
                agenda_published_on=date - datetime.timedelta(days=5),
                draft_minutes_published_on=date + datetime.timedelta(days=14),
                source=source,
            )
            in_office = [
                m
                for m in members
                if m.start_date <= date and (m.end_date is None or m.end_date >= date)
            ]
            for i, member in enumerate(in_office):
                deputy = None
                # A fixed pattern: every seventh member-meeting sends apologies.
                status = (
                    AttendanceStatus.APOLOGIES if (n + i) % 7 == 0 else AttendanceStatus.PRESENT
                )
                if i % 3 == 2 and status == AttendanceStatus.PRESENT:
                    status = AttendanceStatus.PRESENT_VIRTUALLY
                if exercise and n == 3:  # below quorum: only the first two came
                    status = AttendanceStatus.PRESENT if i < 2 else AttendanceStatus.APOLOGIES
                if exercise and n == 4 and member.pk in substitutes:
                    status, deputy = AttendanceStatus.SUBSTITUTE, substitutes[member.pk]
                if exercise and n == len(dates):  # the secretariat has not recorded it yet
                    status = AttendanceStatus.NOT_RECORDED
                self.put(
                    Attendance,
                    {"meeting": meeting, "person": member.person},
                    membership=member,
                    status=status,
                    deputy=deputy,
                )
            items = [
                self.put(
                    AgendaItem,
                    {"meeting": meeting, "order": order},
                    number=str(order),
                    title=title,
                    source=source,
                )
                for order, title in enumerate(
                    ["Minutes of the previous meeting", f"Performance report, {date:%B %Y}"],
                    start=1,
                )
            ]
            self.put(
                MeetingPaper,
                {"meeting": meeting, "title": f"Agenda, {date:%-d %B %Y}"},
                kind=PaperKind.AGENDA,
                url=f"https://example.org/demo/{board.slug}/{date.isoformat()}/agenda",
                published_on=date - datetime.timedelta(days=5),
                source=source,
            )
            self.put(
                MeetingPaper,
                {"meeting": meeting, "title": f"Performance report, {date:%B %Y}"},
                kind=PaperKind.REPORT,
                agenda_item=items[1],
                url=f"https://example.org/demo/{board.slug}/{date.isoformat()}/performance",
                published_on=date - datetime.timedelta(days=5),
                source=source,
            )
            for order, (text, outcome, item) in enumerate(
                [
                    ("Approved the minutes of the previous meeting.", DecisionOutcome.APPROVED, 0),
                    (f"Noted the performance report for {date:%B %Y}.", DecisionOutcome.NOTED, 1),
                ],
                start=1,
            ):
                self.put(
                    Decision,
                    {"meeting": meeting, "order": order},
                    text=text,
                    outcome=outcome,
                    agenda_item=items[item],
                    decided_on=date,
                    published_on=date + datetime.timedelta(days=14),
                    source=source,
                )
            if exercise and n == 2:
                # A recommendation put to the meeting, on which no decision is recorded.
                self.put(
                    Decision,
                    {"meeting": meeting, "order": 3},
                    text="Recommendation: that the board adopt the refreshed digital strategy "
                    "at a later meeting.",
                    agenda_item=items[1],
                    source=source,
                )

    def terms(self, board, source):
        first = self.put(
            TermsOfReference,
            {"slug": f"{board.slug}-terms-1"},
            board=board,
            version="1.0",
            title=f"{board.name}: terms of reference",
            status=TermsStatus.RATIFIED,
            in_force_from=D(2022, 7, 1),
            in_force_to=FROM - datetime.timedelta(days=1),
            approved_on=D(2022, 7, 1),
            membership_count=4,
            quorum="half the members, including the chair",
            quorum_number=2,
            source=source,
        )
        second = self.put(
            TermsOfReference,
            {"slug": f"{board.slug}-terms-2"},
            board=board,
            version="2.0",
            title=f"{board.name}: terms of reference",
            status=TermsStatus.RATIFIED,
            in_force_from=FROM,
            approved_on=D(2024, 3, 14),
            review_date=D(2027, 3, 31),
            membership_count=5,
            voting_membership_count=5,
            quorum="half the members, including the chair",
            quorum_number=3,
            quorum_organisation_kinds=[OrganisationKind.ICB],
            substitutes_allowed=True,
            substitutes_count_for_quorum=True,
            substitutes_vote=False,
            attendance_expectation_percent=75,
            based_on=first,
            source=source,
        )
        clauses = {
            first: [
                (ClauseTopic.PURPOSE, "Purpose", "The board leads the NHS in the system."),
                (ClauseTopic.MEMBERSHIP, "Membership", "A chair, a chief executive and two "
                 "partner members."),
                (ClauseTopic.QUORACY, "Quorum", "Half the members, including the chair."),
            ],
            second: [
                (ClauseTopic.PURPOSE, "Purpose", "The board leads the NHS in the system."),
                (ClauseTopic.MEMBERSHIP, "Membership", "A chair, a chief executive and three "
                 "partner members (a second NHS trust member from April 2024)."),
                (ClauseTopic.QUORACY, "Quorum", "Half the members, including the chair."),
            ],
        }  # fmt: skip
        for terms, rows in clauses.items():
            for order, (topic, heading, text) in enumerate(rows, start=1):
                self.put(
                    TermsClause,
                    {"terms": terms, "order": order},
                    topic=topic,
                    heading=heading,
                    text=text,
                )


def _year_of_meetings(months, day=14):
    """Meeting dates in April 2025 – March 2026, in the given months (4 = April...)."""
    return [D(2025 if m >= 4 else 2026, m, day) for m in months]


@transaction.atomic
def load_demo() -> Stats:
    loader = Loader()
    put = loader.put
    source = put(
        Source,
        {"slug": f"{PREFIX}source"},
        title="Demonstration data (fictional)",
        publisher="ICS governance registry — demonstration",
        kind=SourceKind.OTHER,
        date=D(2025, 4, 1),
        date_precision=DatePrecision.DAY,
    )
    system = put(
        System,
        {"slug": SYSTEM_SLUG},
        name=SYSTEM_NAME,
        short_name="Exampleshire and Wyeside (demonstration)",
        population=1_000_000,
        population_note="fictional",
        start_date=D(2022, 7, 1),
        is_demonstration=True,
        source=source,
    )
    orgs = {
        key: put(
            Organisation,
            {"slug": f"{PREFIX}{key}"},
            name=name,
            sector=sector,
            kind=kind,
            system=system,
            source=source,
        )
        for key, name, sector, kind in ORGANISATIONS
    }
    board = loader.board
    icb = board(
        system, source, "icb-board", "Exampleshire and Wyeside ICB Board",
        BoardKind.ICB_BOARD, BOARD_SEATS, orgs, chair_model=ChairModel.ICB_CHAIR,
    )  # fmt: skip
    for label, office in BOARD_OFFICES.items():
        Post.objects.filter(board=icb, label=label).exclude(office=office).update(office=office)
    committees = [
        board(
            system, source, f"icb-{key}", name, BoardKind.ICB_COMMITTEE, COMMITTEE_SEATS, orgs,
            parent=icb, chair_model=ChairModel.INDEPENDENT_CHAIR,
        )
        for key, name in [("audit", "Audit and Risk Committee"), ("quality", "Quality Committee")]
    ]  # fmt: skip
    icp = board(
        system, source, "icp", "Exampleshire and Wyeside Integrated Care Partnership",
        BoardKind.STATUTORY_ICP, PARTNERSHIP_SEATS, orgs,
        chair_model=ChairModel.LOCAL_AUTHORITY_CHAIR,
    )  # fmt: skip
    core = board(
        system, source, "icp-core", "ICP Core Committee", BoardKind.ICP_CORE_COMMITTEE,
        PARTNERSHIP_SEATS, orgs, parent=icp, chair_model=ChairModel.LOCAL_AUTHORITY_CHAIR,
    )  # fmt: skip
    assemblies = []
    place_boards = []
    for n, place_name in enumerate(["Exampleshire", "Wyeside"], start=1):
        key = place_name.lower()
        place = put(
            Place,
            {"slug": f"{PREFIX}{key}"},
            system=system,
            name=place_name,
            population=500_000,
            population_note="fictional",
            source=source,
        )
        assemblies.append(
            board(
                system, source, f"icp-assembly-{key}", f"{place_name} Assembly",
                BoardKind.ICP_ASSEMBLY, PARTNERSHIP_SEATS, orgs, parent=icp,
                chair_model=ChairModel.ROTATING_CHAIR,
            )
        )  # fmt: skip
        place_boards.append(
            board(
                system, source, f"{key}-hwb", f"{place_name} Health and Wellbeing Board",
                BoardKind.HEALTH_AND_WELLBEING_BOARD, PARTNERSHIP_SEATS, orgs, place=place,
                chair_model=ChairModel.LOCAL_AUTHORITY_CHAIR,
            )
        )  # fmt: skip
        board(
            system, source, f"{key}-place-board", f"{place_name} Place Partnership Board",
            BoardKind.PLACE_PARTNERSHIP_BOARD, PARTNERSHIP_SEATS, orgs, place=place,
            chair_model=ChairModel.CO_CHAIRS,
        )  # fmt: skip
        for number, area in enumerate(["North", "South"], start=1):
            cluster = put(
                Cluster,
                {"slug": f"{PREFIX}{key}-{area.lower()}-cluster"},
                place=place,
                name=f"{place_name} {area} cluster",
                number=(n - 1) * 2 + number,
                source=source,
            )
            board(
                system, source, f"{key}-{area.lower()}-cluster-board",
                f"{place_name} {area} Cluster Board", BoardKind.CLUSTER_BOARD, CLUSTER_SEATS,
                orgs, place=place, cluster=cluster, chair_model=ChairModel.UNKNOWN,
            )  # fmt: skip
    loader.terms(icb, source)
    # A named substitute for the local authorities' partner member, and a member who joined
    # mid-year (an associate non-executive seat from October 2025).
    la_member = Membership.objects.get(slug=f"{PREFIX}icb-board-4-1")
    put(
        Membership,
        {"slug": f"{PREFIX}icb-board-4-substitute"},
        person=loader.next_person(system, source),
        post=la_member.post,
        kind=MembershipKind.SUBSTITUTE,
        deputy_for=la_member,
        on_behalf_of=la_member.on_behalf_of,
        start_date=FROM,
        source=source,
    )
    associate = put(
        Post,
        {"slug": f"{PREFIX}icb-board-associate"},
        board=icb,
        label="Associate non-executive member",
        role=Role.MEMBER,
        places=1,
        order=10,
        voting=False,
        source=source,
    )
    put(
        Membership,
        {"slug": f"{PREFIX}icb-board-associate-1"},
        person=loader.next_person(system, source),
        post=associate,
        on_behalf_of=orgs["icb"],
        start_date=D(2025, 10, 1),
        source=source,
    )
    loader.meetings(icb, source, _year_of_meetings([4, 6, 7, 9, 11, 1, 3]), exercise=True)
    for committee in committees:
        loader.meetings(committee, source, _year_of_meetings([5, 8, 11, 2], day=20))
    loader.meetings(icp, source, _year_of_meetings([6, 12], day=10))
    loader.meetings(core, source, _year_of_meetings([4, 7, 10, 1], day=3))
    for assembly in assemblies:
        loader.meetings(assembly, source, _year_of_meetings([10], day=17))
        # The assemblies' regular cycle: each October's meeting is planned until it is set.
        put(
            MeetingCycle,
            {"board": assembly, "description": "October each year"},
            kind=MeetingKind.ASSEMBLY,
            first_month=10,
            last_month=10,
            source=source,
        )
    for hwb in place_boards:
        loader.meetings(hwb, source, _year_of_meetings([6, 9, 12, 3], day=24))
    strategy = put(
        Strategy,
        {"slug": f"{PREFIX}strategy"},
        name="Exampleshire and Wyeside integrated care strategy 2025 to 2030",
        kind=StrategyKind.INTEGRATED_CARE_STRATEGY,
        status=StrategyStatus.PUBLISHED,
        system=system,
        owner_board=icp,
        period_start=D(2025, 4, 1),
        period_start_precision=DatePrecision.MONTH,
        period_end=D(2030, 3, 1),
        period_end_precision=DatePrecision.MONTH,
        description="A fictional strategy, to show how priorities and milestones appear.",
        published_on=D(2025, 3, 1),
        published_precision=DatePrecision.MONTH,
        healthwatch_involvement="Healthwatch Exampleshire and Wyeside co-chaired the "
        "engagement group and ran the listening events (fictional).",
        public_involvement="Twelve public workshops across both places and an online survey "
        "(fictional).",
        source=source,
    )
    _needs_assessments(put, system, strategy, orgs, place_boards, source)
    put(
        Strategy,
        {"slug": f"{PREFIX}joint-forward-plan-2026"},
        name="Exampleshire and Wyeside joint forward plan 2026 to 2031",
        kind=StrategyKind.JOINT_FORWARD_PLAN,
        status=StrategyStatus.PUBLISHED,
        system=system,
        owner_board=icb,
        period_start=D(2026, 4, 1),
        period_end=D(2031, 3, 31),
        published_on=D(2026, 3, 26),
        hwb_statements="Both health and wellbeing boards' statements are in annex A (fictional).",
        description="A fictional joint forward plan, to show the plan check at work.",
        source=source,
    )
    for order, name in enumerate(["Start well", "Live well", "Age well", "Workforce"], start=1):
        put(
            Priority,
            {"strategy": strategy, "order": order},
            name=name,
            description=f"The demonstration strategy's priority '{name}'.",
            source=source,
        )
    for n, (title, date, precision) in enumerate(
        [
            ("Strategy agreed by the partnership", D(2025, 6, 10), DatePrecision.DAY),
            ("First annual progress report", D(2026, 6, 1), DatePrecision.MONTH),
            ("Workforce plan refreshed", D(2026, 10, 1), DatePrecision.QUARTER),
            ("Strategy reviewed", D(2028, 1, 1), DatePrecision.YEAR),
        ],
        start=1,
    ):
        put(
            Milestone,
            {"slug": f"{PREFIX}milestone-{n}"},
            title=title,
            date=date,
            precision=precision,
            scope=Scope.SYSTEM,
            system=system,
            strategy=strategy,
            owner_board=icp,
            source=source,
        )
    _registers_of_interests(loader, icb, orgs, source)
    return loader.stats


def _needs_assessments(put, system, strategy, orgs, hwbs, source):
    """The joint strategic needs assessments the partnership received (s116ZB(6)): Exampleshire's
    was considered the day it was received and the strategy not revised; Wyeside's, received
    in March 2026, has no reconsideration recorded, so the check reports it."""
    put(
        NeedsAssessment,
        {"system": system, "council": orgs["county"], "title": "Exampleshire JSNA 2025"},
        health_and_wellbeing_board=hwbs[0],
        published_on=D(2025, 10, 1),
        published_precision=DatePrecision.MONTH,
        received_on=D(2025, 11, 20),
        source=source,
    )
    put(
        Reconsideration,
        {"strategy": strategy, "considered_on": D(2025, 11, 20)},
        outcome=ReconsiderationOutcome.NOT_REVISED,
        notes="The partnership found the strategy's priorities still fit the assessment "
        "(fictional).",
        source=source,
    )
    put(
        NeedsAssessment,
        {"system": system, "council": orgs["wyeside"], "title": "Wyeside JSNA 2026"},
        health_and_wellbeing_board=hwbs[1],
        published_on=D(2026, 2, 1),
        published_precision=DatePrecision.MONTH,
        received_on=D(2026, 3, 1),
        received_precision=DatePrecision.MONTH,
        source=source,
    )


@transaction.atomic
def remove_demo() -> int:
    """Delete the demonstration system and everything in it; the number of systems removed."""
    systems = System.objects.filter(is_demonstration=True, slug=SYSTEM_SLUG)
    boards = Board.objects.filter(system__in=systems)
    Milestone.objects.filter(system__in=systems).delete()
    NeedsAssessment.objects.filter(system__in=systems).delete()
    Strategy.objects.filter(system__in=systems).delete()
    TermsOfReference.objects.filter(board__in=boards).update(approval_meeting=None, based_on=None)
    TermsOfReference.objects.filter(board__in=boards).delete()
    MeetingDeclaration.objects.filter(meeting__board__in=boards).delete()
    Interest.objects.filter(membership__post__board__in=boards).delete()
    GiftOrHospitality.objects.filter(membership__post__board__in=boards).delete()
    Meeting.objects.filter(board__in=boards).delete()
    Membership.objects.filter(post__board__in=boards).delete()
    Post.objects.filter(board__in=boards).delete()
    boards.update(parent=None)
    boards.delete()
    Person.objects.filter(system__in=systems, slug__startswith=PREFIX).delete()
    Organisation.objects.filter(system__in=systems).delete()
    Cluster.objects.filter(place__system__in=systems).delete()
    Place.objects.filter(system__in=systems).delete()
    count, _ = systems.delete()
    Source.objects.filter(slug=f"{PREFIX}source").delete()
    return 1 if count else 0


# -- registers of interests, gifts and hospitality ---------------------------------------------

#: (seat order, place, category, type, description, organisation key or name, from) declared by
#: the ICB board's members on appointment; the rest make nil returns.
DEMO_INTERESTS = [
    (2, 1, "financial", "outside_employment", "Non-executive director of a fictional housing "
     "association", "Exampleshire Homes (fictional)", D(2021, 9, 1)),
    (3, 1, "non_financial_professional", "loyalty_interests", "Trustee of the hospitals' "
     "charity", "hospitals", D(2020, 1, 1)),
    (3, 2, "indirect", "shareholdings", "Spouse holds shares in a fictional care home "
     "company", "Wyeside Care Homes Ltd (fictional)", D(2019, 6, 1)),
]  # fmt: skip


def _registers_of_interests(loader, icb, orgs, source):
    """The ICB board's registers: a declaration (or nil return) from each member on
    appointment and at the annual reviews of April 2025 and April 2026 (two members have not
    made the 2026 one, so their reviews are overdue), a withheld interest, gifts and
    hospitality accepted and declined, and a declaration at a meeting."""
    put = loader.put
    members = list(
        Membership.objects.filter(post__board=icb, kind=MembershipKind.MEMBER)
        .select_related("person")
        .order_by("slug")
    )
    declared = {(order, place): rest for order, place, *rest in DEMO_INTERESTS}
    for membership in members:
        parts = membership.slug.rsplit("-", 2)[-2:]
        if not all(part.isdigit() for part in parts):
            continue  # a member added for another demonstration (e.g. one who joined mid-year)
        order, place = (int(part) for part in parts)
        entry = declared.get((order, place))
        reviews = [("on_appointment", D(2024, 4, 15)), ("annual_review", D(2025, 4, 14))]
        if order != 3:  # the two NHS trust partner members are overdue
            reviews.append(("annual_review", D(2026, 4, 13)))
        for occasion, on in reviews:
            if entry is None:
                values = {"is_nil_return": True, "category": "", "interest_type": "",
                          "description": "", "organisation": None, "organisation_name": "",
                          "interest_from": None}  # fmt: skip
            else:
                category, kind, text, org, since = entry
                values = {"is_nil_return": False, "category": category, "interest_type": kind,
                          "description": text, "organisation": orgs.get(org),
                          "organisation_name": "" if org in orgs else org,
                          "interest_from": since}  # fmt: skip
            put(
                Interest,
                {"membership": membership, "declared_on": on, "occasion": occasion},
                person=membership.person,
                action_taken=""
                if entry is None
                else "Declared at each meeting where it bears "
                "on the business; takes no part in decisions on it.",
                is_published=True,
                source=source,
                **values,
            )
    chair = members[0]
    put(
        Interest,
        {"membership": chair, "declared_on": D(2025, 9, 8), "occasion": "new_interest"},
        person=chair.person,
        category="non_financial_personal",
        interest_type="other",
        description="A personal interest the board agreed to withhold (fictional).",
        interest_from=D(2025, 8, 25),
        is_published=True,
        is_withheld=True,
        withheld_reason="privacy",
        withheld_note="Withheld at the member's request: a family matter (fictional).",
        source=source,
    )
    for description, values in [
        ("Lunch at a regional NHS conference", {"kind": "hospitality", "outcome": "accepted",
         "giver_name": "Regional NHS Confederation event (fictional)", "is_from_supplier": False,
         "value_gbp": 35, "date": D(2025, 5, 20), "declared_on": D(2025, 5, 28)}),
        ("Bottle of wine at Christmas", {"kind": "gift", "outcome": "declined",
         "giver_name": "Exampleshire Medical Supplies Ltd (fictional)", "is_from_supplier": True,
         "value_gbp": 20, "date": D(2025, 12, 12), "declared_on": D(2025, 12, 15)}),
        ("Framed print for the board room", {"kind": "gift", "outcome": "accepted",
         "giver_organisation": orgs["county"], "is_from_supplier": False, "value_gbp": 60,
         "date": D(2026, 2, 3), "declared_on": D(2026, 2, 5),
         "approved_by": "Chief executive, accepted on behalf of the ICB",
         "approved_on": D(2026, 2, 5)}),
    ]:  # fmt: skip
        put(
            GiftOrHospitality,
            {"membership": chair, "description": description},
            person=chair.person,
            is_published=True,
            source=source,
            **values,
        )
    trustee = next(m for m in members if m.slug.endswith("-3-1"))
    meeting = Meeting.objects.filter(board=icb).order_by("date").first()
    put(
        MeetingDeclaration,
        {"meeting": meeting, "person": trustee.person, "item_reference": "item 5"},
        agenda_item=meeting.agenda_items.order_by("order").last(),
        interest=Interest.objects.filter(membership=trustee, is_nil_return=False).first(),
        description="Trustee of the hospitals' charity, which the item's capital bid concerns.",
        action="left_the_room",
    )
