"""A system with its structure as the system and place pages draw it: an ICB, an ICP with its
committees, a place with an area, clusters (with and without an area) and their boards, and a
health and wellbeing board."""

from partnerships.choices import BoardKind
from tests import factories as f


def build_system(clusters=2, slug="hiow"):
    system = f.SystemFactory(name=f"System {slug}", slug=slug)
    icb = f.BoardFactory(system=system, name="HIOW ICB Board", kind=BoardKind.ICB_BOARD)
    icp = f.BoardFactory(system=system, name="HIOW ICP", kind=BoardKind.STATUTORY_ICP)
    f.BoardFactory(
        system=system, parent=icp, name="ICP Engine Room", kind=BoardKind.ICP_CORE_COMMITTEE
    )
    f.BoardFactory(system=system, parent=icp, name="ICP Assembly", kind=BoardKind.ICP_ASSEMBLY)
    place = f.PlaceFactory(
        system=system,
        name="Hampshire",
        slug="hampshire" if slug == "hiow" else f"{slug}-place",
    )
    area = f.AreaFactory(place=place, name="South West Hampshire")
    for n in range(clusters):
        cluster = f.ClusterFactory(place=place, area=area, name=f"Cluster {n}", number=n)
        f.ClusterFactory(place=place, name=f"Cluster {n} without area")
        f.BoardFactory(
            system=system,
            place=place,
            cluster=cluster,
            name=f"Cluster {n} board {slug}",
            kind=BoardKind.CLUSTER_BOARD,
        )
    f.BoardFactory(
        system=system, place=place, name="Hampshire HWB", kind=BoardKind.HEALTH_AND_WELLBEING_BOARD
    )
    return system, icb, icp, place
