"""National-scale synthetic data for benchmarks and load tests — never real, never public.

Every system made here has ``is_synthetic=True`` and a ``synthetic-`` slug; every record that
can be unpublished is unpublished, so none of it reaches a public page or an anonymous client.
The shape follows the seed systems: an ICB board, a statutory ICP with a core committee and an
assembly, and per place a health and wellbeing board, a place partnership board and clusters
with cluster boards. Rows are written with ``bulk_create`` (history triggers still fire).
"""

import datetime
import random
from dataclasses import dataclass

from django.db import transaction

from partnerships.choices import BoardKind, ChairModel, OrganisationKind, Role, Sector
from partnerships.models import Board, Meeting, Membership, Organisation, Person, Post
from places.models import Cluster, Place, System

PREFIX = "synthetic-"


@dataclass
class Shape:
    systems: int = 42
    places_per_system: int = 5
    clusters_per_place: int = 6
    seats_per_board: int = 8
    meetings_per_board: int = 4


def delete_synthetic():
    """Remove every synthetic record, children first (the foreign keys protect the record)."""
    systems = System.objects.filter(is_synthetic=True)
    with transaction.atomic():
        Meeting.objects.filter(board__system__in=systems).delete()
        Membership.objects.filter(post__board__system__in=systems).delete()
        Post.objects.filter(board__system__in=systems).delete()
        Board.objects.filter(system__in=systems).update(parent=None)
        Board.objects.filter(system__in=systems).delete()
        Person.objects.filter(slug__startswith=PREFIX).delete()
        Organisation.objects.filter(system__in=systems).delete()
        Cluster.objects.filter(place__system__in=systems).delete()
        Place.objects.filter(system__in=systems).delete()
        count, _ = systems.delete()
    return count


@transaction.atomic
def generate(shape: Shape, seed: int = 2022):
    rng = random.Random(seed)
    start = datetime.date(2022, 7, 1)
    systems = System.objects.bulk_create(
        System(
            slug=f"{PREFIX}system-{n:02d}",
            name=f"Synthetic Integrated Care System {n:02d}",
            short_name=f"SYN{n:02d}",
            population=rng.randrange(500_000, 3_000_001, 1000),
            population_note="synthetic",
            start_date=start,
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
        for c in range(1, shape.clusters_per_place + 1)
    )
    organisations = Organisation.objects.bulk_create(
        Organisation(
            system=s,
            slug=f"{s.slug}-{kind}",
            name=f"{s.short_name} {label}",
            sector=sector,
            kind=kind,
            is_published=False,
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

    def board(system, slug, name, kind, **extra):
        return Board(
            system=system,
            slug=slug,
            name=name,
            kind=kind,
            start_date=start,
            is_published=False,
            **extra,
        )

    boards = []
    for s in systems:
        boards += [
            board(s, f"{s.slug}-icb-board", f"{s.short_name} ICB board", BoardKind.ICB_BOARD),
            board(s, f"{s.slug}-icp", f"{s.short_name} ICP", BoardKind.STATUTORY_ICP),
        ]
    for pl in places:
        boards += [
            board(
                pl.system,
                f"{pl.slug}-hwb",
                f"{pl.name} HWB",
                BoardKind.HEALTH_AND_WELLBEING_BOARD,
                place=pl,
            ),
            board(
                pl.system,
                f"{pl.slug}-ppb",
                f"{pl.name} partnership board",
                BoardKind.PLACE_PARTNERSHIP_BOARD,
                place=pl,
                chair_model=ChairModel.ROTATING_CHAIR,
            ),
        ]
    for cl in clusters:
        boards.append(
            board(
                cl.place.system,
                f"{cl.slug}-board",
                f"{cl.name} board",
                BoardKind.CLUSTER_BOARD,
                cluster=cl,
            )
        )
    boards = Board.objects.bulk_create(boards)

    posts = Post.objects.bulk_create(
        Post(
            board=b,
            slug=f"{b.slug}-seat-{n}",
            label="Chair" if n == 1 else f"Member seat {n}",
            role=Role.CHAIR if n == 1 else Role.MEMBER,
            places=1 if n == 1 else rng.choice((1, 1, 2)),
            voting=True,
            order=n,
            is_published=False,
        )
        for b in boards
        for n in range(1, (shape.seats_per_board if b.kind != BoardKind.CLUSTER_BOARD else 3) + 1)
    )
    total_places = sum(p.places for p in posts)
    people = Person.objects.bulk_create(
        Person(slug=f"{PREFIX}person-{n}", name=f"Synthetic Person {n}", is_published=False)
        for n in range(1, total_places + 1)
    )
    board_system = {b.pk: b.system_id for b in boards}
    memberships, people_iter = [], iter(people)
    for post in posts:
        orgs = orgs_by_system[board_system[post.board_id]]
        for _ in range(post.places):
            person = next(people_iter)
            memberships.append(
                Membership(
                    slug=f"{person.slug}-{post.slug}",
                    person=person,
                    post=post,
                    on_behalf_of=rng.choice(orgs),
                    start_date=start + datetime.timedelta(days=rng.randrange(0, 400)),
                    is_published=False,
                )
            )
    Membership.objects.bulk_create(memberships)
    Meeting.objects.bulk_create(
        Meeting(
            board=b,
            slug=f"{b.slug}-meeting-{n}",
            title=f"Meeting {n}",
            date=start + datetime.timedelta(days=91 * n),
            status="held",
            is_published=False,
        )
        for b in boards
        for n in range(1, shape.meetings_per_board + 1)
    )
    return {
        "systems": len(systems),
        "places": len(places),
        "clusters": len(clusters),
        "boards": len(boards),
        "posts": len(posts),
        "people": len(people),
        "memberships": len(memberships),
    }
