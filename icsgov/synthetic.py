"""National-scale synthetic data for benchmarks and load tests — never real, never mixed with it.

Every system made here has ``is_synthetic=True`` and a ``synthetic-`` slug, and so does every
record of it that has a slug. The shape follows the seed systems at national size: per system
about 5 places and 30–40 clusters, 40 bodies (an ICB board, a statutory ICP, per place a health
and wellbeing board and a place partnership board, and cluster boards), 20 seats a body, several
years of appointments with turnover (a seat's holder leaves and a successor follows), meetings
with the attendance of the members on each meeting's date, and milestones.

By default every record that can be unpublished is unpublished, and a synthetic system is never
public whatever its records say (``places.visibility.public_system``). ``publish=True`` marks the
records published so that anonymous reads can be measured; they are shown only by a process
started with ``ICSGOV_SHOW_SYNTHETIC=true`` (the benchmark and the load run), which production
refuses.

Rows are written with ``bulk_create`` with the history triggers (django-pghistory) ignored:
fired row by row they made generation five times slower (each calls ``_pgh_attach_context()``).
The history is then written set-wise, one ``INSERT ... SELECT`` per tracked table, as the same
``insert`` events the triggers would have written (every tracked field, the run's context) —
so the history tables hold one event per generated row, and that history is itself synthetic.
:func:`delete_synthetic` removes it with the rows (deleted with the triggers ignored, so no
``delete`` events are left behind either).
"""

import datetime
import io
import random
from dataclasses import dataclass

import pgtrigger
from django.db import connection, transaction

from icsgov.access import SystemAccess
from icsgov.core.history import event_model
from icsgov.models import ChangeKey
from partnerships.choices import (
    AttendanceStatus,
    BoardKind,
    ChairModel,
    MeetingStatus,
    OrganisationKind,
    Role,
    Sector,
)
from partnerships.models import (
    Attendance,
    Board,
    Meeting,
    Membership,
    Organisation,
    Person,
    Post,
)
from places.models import Cluster, Place, System
from strategy.choices import MilestoneStatus
from strategy.choices import Scope as MilestoneScope
from strategy.models import Milestone

PREFIX = "synthetic-"
START = datetime.date(2022, 7, 1)
END = datetime.date(2026, 6, 30)
BATCH = 5000


@dataclass
class Shape:
    systems: int = 42
    places_per_system: int = 5
    #: Clusters per place; None: 6–8 at random (30–40 a system).
    clusters_per_place: int | None = None
    bodies_per_system: int = 40
    seats_per_board: int = 20
    meetings_per_board: int = 9
    milestones_per_system: int = 12
    #: Chance that an appointment ends and a successor follows.
    turnover: float = 0.19


def _synthetic_rows():
    """Querysets of every synthetic row, children first."""
    systems = System.objects.filter(is_synthetic=True)
    boards = Board.objects.filter(system__in=systems)
    return [
        Milestone.objects.filter(system__in=systems),
        Attendance.objects.filter(meeting__board__in=boards),
        Meeting.objects.filter(board__in=boards),
        Membership.objects.filter(post__board__in=boards),
        Post.objects.filter(board__in=boards),
        boards,
        Person.objects.filter(slug__startswith=PREFIX),
        Organisation.objects.filter(system__in=systems),
        Cluster.objects.filter(place__system__in=systems),
        Place.objects.filter(system__in=systems),
        systems,
    ]


def write_history(created):
    """One ``insert`` history event for each row just generated (``created``: (model, ids)
    pairs), as its trigger would have written it, in one ``INSERT ... SELECT`` per table."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT _pgh_attach_context()")  # the run's context (command_context)
        (context_id,) = cursor.fetchone()
        for model, ids in created:
            events = event_model(model)
            if events is None or not ids:
                continue
            tracked = {f.column for f in model._meta.concrete_fields}
            copied = [
                f.column
                for f in events._meta.concrete_fields
                if not f.column.startswith("pgh_") and f.column in tracked
            ]
            columns = ", ".join(f'"{c}"' for c in copied)
            values = ", ".join(f'NEW."{c}"' for c in copied)
            cursor.execute(
                f'INSERT INTO "{events._meta.db_table}" ({columns}, "pgh_created_at", '
                f'"pgh_label", "pgh_obj_id", "pgh_context_id") '
                f"SELECT {values}, NOW(), 'insert', NEW.\"id\", %s "
                f'FROM "{model._meta.db_table}" AS NEW WHERE NEW."id" = ANY(%s)',
                [context_id, list(ids)],
            )


def delete_synthetic():
    """Remove every synthetic record and its (synthetic) history, in one transaction. Returns
    the number of synthetic systems removed. Roles on a synthetic system (the benchmark's staff
    viewer has one) go with it, their removal recorded in the roles' history; the users stay."""
    with transaction.atomic():
        count = System.objects.filter(is_synthetic=True).count()
        if not count:
            return 0
        SystemAccess.objects.filter(system__is_synthetic=True).delete()
        _delete_synthetic_rows()
    return count


def _delete_synthetic_rows():
    with pgtrigger.ignore():
        Board.objects.filter(system__is_synthetic=True).update(parent=None)
        for queryset in _synthetic_rows():
            events = event_model(queryset.model)
            if events is not None:
                events.objects.filter(pgh_obj_id__in=queryset.values("pk"))._raw_delete(
                    events.objects.db
                )
            queryset._raw_delete(queryset.db)


FIRST_NAMES = [
    "Alex",
    "Amara",
    "Ben",
    "Carys",
    "Dev",
    "Elin",
    "Farah",
    "Gareth",
    "Hana",
    "Idris",
    "Jo",
    "Kamal",
    "Lena",
    "Malik",
    "Nia",
    "Omar",
    "Priya",
    "Rhys",
    "Sana",
    "Tom",
    "Una",
    "Vik",
    "Wendy",
    "Yusuf",
    "Zara",
    "Aled",
    "Bea",
    "Cal",
    "Dina",
    "Ewan",
    "Fay",
    "Gus",
    "Hal",
    "Ines",
    "Jude",
    "Kit",
    "Lorna",
    "Max",
    "Noor",
    "Owen",
    "Pat",
    "Rosa",
    "Sam",
    "Tess",
    "Uma",
    "Val",
    "Will",
    "Xena",
    "Yvonne",
    "Zac",
]
SURNAME_PARTS = (
    [
        "Ash",
        "Bel",
        "Brook",
        "Car",
        "Dun",
        "Fen",
        "Hal",
        "Ket",
        "Lan",
        "Mor",
        "Nor",
        "Pen",
        "Ros",
        "Stan",
        "Thorn",
        "Wel",
        "Wick",
        "Yar",
        "Cole",
        "Dray",
    ],
    [
        "ing",
        "ford",
        "ton",
        "ley",
        "by",
        "field",
        "worth",
        "ham",
        "well",
        "more",
        "stead",
        "bury",
        "wood",
        "combe",
        "den",
        "shaw",
    ],
)
SYNTHETIC_BIOGRAPHY = "Synthetic person, generated for benchmarks: not a real person."


def _name(rng):
    """A made-up name: names of many kinds, so that search meets national variety."""
    first, second = SURNAME_PARTS
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(first)}{rng.choice(second)}"


def _day(rng, low, high):
    return low + datetime.timedelta(days=rng.randrange(0, max((high - low).days, 1)))


@transaction.atomic
def generate(shape: Shape, seed: int = 2022, publish: bool = False):
    """Make the synthetic systems (deterministic for ``seed``) and their history; returns the
    counts made."""
    with pgtrigger.ignore():
        created = _generate(shape, seed, publish)
    write_history(created.values())
    # Fresh statistics for the planner: every table written, its history, the feed's keys
    # (until autovacuum came by, plans chosen for the tables' old sizes were up to 8× slower).
    tables = [ChangeKey._meta.db_table]
    for model, _ in created.values():
        events = event_model(model)
        tables += [model._meta.db_table, *([events._meta.db_table] if events else [])]
    with connection.cursor() as cursor:
        for table in dict.fromkeys(tables):
            cursor.execute(f'ANALYZE "{table}"')
    return {name: len(ids) for name, (_, ids) in created.items()}


def _generate(shape, seed, publish):
    rng = random.Random(seed)
    published = bool(publish)
    systems = System.objects.bulk_create(
        System(
            slug=f"{PREFIX}system-{n:02d}",
            name=f"Synthetic Integrated Care System {n:02d}",
            short_name=f"SYN{n:02d}",
            population=rng.randrange(500_000, 3_000_001, 1000),
            population_note="synthetic",
            start_date=START,
            is_synthetic=True,
        )
        for n in range(1, shape.systems + 1)
    )
    places = Place.objects.bulk_create(
        Place(system=s, slug=f"{s.slug}-place-{p}", name=f"{s.short_name} Place {p}")
        for s in systems
        for p in range(1, shape.places_per_system + 1)
    )
    clusters = Cluster.objects.bulk_create(
        Cluster(place=pl, slug=f"{pl.slug}-cluster-{c}", name=f"{pl.name} Cluster {c}", number=c)
        for pl in places
        for c in range(1, (shape.clusters_per_place or rng.randint(6, 8)) + 1)
    )
    organisations = Organisation.objects.bulk_create(
        Organisation(
            system=s,
            slug=f"{s.slug}-{kind}",
            name=f"{s.short_name} {label}",
            sector=sector,
            kind=kind,
            is_published=published,
        )
        for s in systems
        for kind, label, sector in (
            (OrganisationKind.ICB, "Integrated Care Board", Sector.NHS),
            (OrganisationKind.ACUTE_TRUST, "Hospitals NHS Trust", Sector.NHS),
            (OrganisationKind.COUNTY_COUNCIL, "County Council", Sector.LOCAL_GOVERNMENT),
            (OrganisationKind.HEALTHWATCH, "Healthwatch", Sector.HEALTHWATCH),
        )
    )
    orgs_by_system = {}
    for org in organisations:
        orgs_by_system.setdefault(org.system_id, []).append(org)
    places_by_system, clusters_by_system = {}, {}
    for pl in places:
        places_by_system.setdefault(pl.system_id, []).append(pl)
    for cl in clusters:
        clusters_by_system.setdefault(cl.place.system_id, []).append(cl)

    def board(system, slug, name, kind, **extra):
        return Board(
            system=system,
            slug=slug,
            name=name,
            kind=kind,
            start_date=START,
            is_published=published,
            **extra,
        )

    boards = []
    for s in systems:
        mine = [
            board(s, f"{s.slug}-icb-board", f"{s.short_name} ICB board", BoardKind.ICB_BOARD),
            board(s, f"{s.slug}-icp", f"{s.short_name} ICP", BoardKind.STATUTORY_ICP),
        ]
        for pl in places_by_system[s.pk]:
            mine += [
                board(
                    s,
                    f"{pl.slug}-hwb",
                    f"{pl.name} HWB",
                    BoardKind.HEALTH_AND_WELLBEING_BOARD,
                    place=pl,
                ),
                board(
                    s,
                    f"{pl.slug}-ppb",
                    f"{pl.name} partnership board",
                    BoardKind.PLACE_PARTNERSHIP_BOARD,
                    place=pl,
                    chair_model=ChairModel.ROTATING_CHAIR,
                ),
            ]
        # Cluster boards for the first clusters, up to the system's number of bodies.
        for cl in clusters_by_system.get(s.pk, [])[: max(shape.bodies_per_system - len(mine), 0)]:
            mine.append(
                board(
                    s, f"{cl.slug}-board", f"{cl.name} board", BoardKind.CLUSTER_BOARD, cluster=cl
                )
            )
        boards += mine
    boards = Board.objects.bulk_create(boards, batch_size=BATCH)

    posts = Post.objects.bulk_create(
        (
            Post(
                board=b,
                slug=f"{b.slug}-seat-{n}",
                label="Chair" if n == 1 else f"Member seat {n}",
                role=Role.CHAIR if n == 1 else Role.MEMBER,
                places=1,
                voting=True,
                order=n,
                is_published=published,
            )
            for b in boards
            for n in range(1, shape.seats_per_board + 1)
        ),
        batch_size=BATCH,
    )

    # Appointments with turnover: each seat's first holder starts in the first year; with the
    # turnover chance they leave after one to three years and a successor follows within three
    # months, and so on until the end of the period. Each appointment is a new synthetic person.
    board_system = {b.pk: b.system_id for b in boards}
    plan = []  # (post, start, end)
    for post in posts:
        begin = _day(rng, START, START + datetime.timedelta(days=365))
        while begin <= END:
            end = None
            if rng.random() < shape.turnover:
                end = begin + datetime.timedelta(days=rng.randrange(300, 1100))
                if end > END:
                    end = None
            plan.append((post, begin, end))
            if end is None:
                break
            begin = end + datetime.timedelta(days=rng.randrange(1, 90))
    people = Person.objects.bulk_create(
        (
            Person(
                slug=f"{PREFIX}person-{n}",
                name=_name(rng),
                biography=SYNTHETIC_BIOGRAPHY,
                # Added in their seat's synthetic system, so never public with real people's
                # records (partnerships.visibility.public_person), published or not.
                system_id=board_system[post.board_id],
                is_published=published,
            )
            for n, (post, _, _) in enumerate(plan, start=1)
        ),
        batch_size=BATCH,
    )
    memberships = Membership.objects.bulk_create(
        (
            Membership(
                slug=f"{person.slug}-{post.slug}",
                person=person,
                post=post,
                on_behalf_of=rng.choice(orgs_by_system[board_system[post.board_id]]),
                start_date=begin,
                end_date=end,
                is_published=published,
            )
            for person, (post, begin, end) in zip(people, plan, strict=True)
        ),
        batch_size=BATCH,
    )

    # Meetings spread over the period, about one a quarter and a half; held before today's
    # end of the synthetic period's fourth year, scheduled after.
    today = datetime.date(2026, 1, 1)
    span = (END - START).days
    meetings = Meeting.objects.bulk_create(
        (
            Meeting(
                board=b,
                slug=f"{b.slug}-meeting-{n}",
                title=f"Meeting {n}",
                date=(
                    day := START
                    + datetime.timedelta(
                        days=span * n // (shape.meetings_per_board + 1) + rng.randrange(0, 20)
                    )
                ),
                status=MeetingStatus.HELD if day < today else MeetingStatus.SCHEDULED,
                is_published=published,
            )
            for b in boards
            for n in range(1, shape.meetings_per_board + 1)
        ),
        batch_size=BATCH,
    )

    # Attendance: for each held meeting, the members whose appointment covers its date.
    by_board = {}
    for m in memberships:
        by_board.setdefault(m.post.board_id, []).append(m)
    statuses = [AttendanceStatus.PRESENT.value] * 8 + [
        AttendanceStatus.APOLOGIES.value,
        AttendanceStatus.ABSENT.value,
    ]

    # Written with COPY: a quarter of a million rows, several times faster than INSERTs.
    buffer = io.StringIO()
    for meeting in meetings:
        if meeting.status != MeetingStatus.HELD:
            continue
        for m in by_board.get(meeting.board_id, ()):
            if m.start_date <= meeting.date and (m.end_date is None or meeting.date <= m.end_date):
                buffer.write(f"{meeting.pk}\t{m.person_id}\t{m.pk}\t{rng.choice(statuses)}\t\n")
    buffer.seek(0)
    table = Attendance._meta.db_table
    with connection.cursor() as cursor:
        cursor.copy_expert(
            f'COPY "{table}" (meeting_id, person_id, membership_id, status, notes) FROM STDIN',
            buffer,
        )
        cursor.execute(
            f'SELECT id FROM "{table}" WHERE meeting_id = ANY(%s)', [[m.pk for m in meetings]]
        )
        attended = [row[0] for row in cursor.fetchall()]

    milestones = Milestone.objects.bulk_create(
        (
            Milestone(
                slug=f"{s.slug}-milestone-{n}",
                title=f"Synthetic milestone {n}",
                date=_day(rng, START, END),
                status=rng.choice([MilestoneStatus.PLANNED, MilestoneStatus.DONE]),
                scope=MilestoneScope.SYSTEM,
                system=s,
                is_published=published,
            )
            for s in systems
            for n in range(1, shape.milestones_per_system + 1)
        ),
        batch_size=BATCH,
    )
    made = {
        "systems": systems,
        "places": places,
        "clusters": clusters,
        "organisations": organisations,
        "boards": boards,
        "posts": posts,
        "people": people,
        "memberships": memberships,
        "meetings": meetings,
        "milestones": milestones,
    }
    created = {name: (type(rows[0]), [r.pk for r in rows]) for name, rows in made.items() if rows}
    created["attendance"] = (Attendance, attended)
    return created
