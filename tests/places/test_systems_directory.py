"""England's real integrated care systems from the national directory, as at any date: 42 from
1 July 2022, 36 from 1 April 2026; their regions, codes on each side of a change, how each ended
and what succeeded it; and the papers' systems are the directory's, never duplicated."""

import datetime

import pytest
from django.db.models import Count

from partnerships.models import Organisation, OrganisationIdentifier
from places.models import System

D = datetime.date

pytestmark = pytest.mark.django_db

SEED_SYSTEMS = {
    "hiow": "QRL",
    "herefordshire-worcestershire": "QGH",
    "surrey-heartlands": "QXU",
    "coventry-warwickshire": "QWU",
    "frimley": "QNQ",
    "norfolk-waveney": "QMM",
}


def real_on(date):
    return System.objects.real().as_at(date)


def icb(slug):
    return Organisation.objects.get(system__slug=slug, kind="icb")


@pytest.mark.parametrize(
    ("date", "count"),
    [
        (D(2022, 7, 1), 42),
        (D(2023, 3, 31), 42),
        (D(2023, 4, 1), 42),
        (D(2025, 6, 1), 42),
        (D(2026, 3, 31), 42),
        (D(2026, 4, 1), 36),
        (D(2026, 12, 1), 36),
    ],
)
def test_systems_as_at_the_boundary_dates(seeded, date, count):
    assert real_on(date).count() == count


def test_thirty_six_today_and_none_of_the_abolished(seeded):
    today = System.objects.real().current()
    assert today.count() == 36
    assert not today.filter(slug__in=["frimley", "surrey-heartlands", "norfolk-waveney"]).exists()
    assert today.filter(slug__in=["hiow", "herefordshire-worcestershire", "coventry-warwickshire"])
    assert today.filter(region="").count() == 0


def test_twelve_abolished_and_six_created_on_1_april_2026(seeded):
    ended = System.objects.filter(end_date=D(2026, 3, 31))
    assert ended.count() == 12
    assert set(ended.values_list("end_kind", flat=True)) == {"merged", "split"}
    created = System.objects.filter(start_date=D(2026, 4, 1))
    assert set(created.values_list("name", flat=True)) == {
        "Central East",
        "Essex",
        "Norfolk and Suffolk",
        "Surrey and Sussex",
        "Thames Valley",
        "West and North London",
    }


def test_the_papers_systems_are_the_directorys_never_duplicated(seeded):
    assert System.objects.count() == 48
    for slug, code in SEED_SYSTEMS.items():
        organisation = icb(slug)
        assert organisation.code_on(D(2025, 6, 1), "ods") == code, slug
        assert organisation.system.slug == slug
        # One system and one ICB per ODS code.
        assert Organisation.objects.filter(identifiers__code=code).count() == 1, code
    for name in ("Frimley", "Hampshire and Isle of Wight", "Surrey Heartlands"):
        assert System.objects.filter(name=name).count() == 1
    # The papers' own ICB records are the directory's ICBs.
    assert icb("hiow").slug == "hiow-icb" and icb("herefordshire-worcestershire").slug == "hw-icb"


def test_the_seed_systems_keep_no_start_their_icbs_start_in_july_2022(seeded):
    # W1/W2: the papers describe the systems before the statutory ICB, so the system has no start;
    # the ICB organisation starts on 1 July 2022.
    for slug in SEED_SYSTEMS:
        system = System.objects.get(slug=slug)
        assert system.start_date is None, slug
        assert icb(slug).start_date == D(2022, 7, 1), slug
    assert System.objects.as_at(D(2018, 8, 1)).filter(slug="hiow").exists()
    hiow = System.objects.get(slug="hiow")
    assert hiow.source.slug == "hiow-stp-system-reform-proposal-2018"  # the paper's, kept


def test_frimley_ends_split_between_its_three_successors(seeded):
    frimley = System.objects.get(slug="frimley")
    assert (frimley.end_date, frimley.end_kind) == (D(2026, 3, 31), "split")
    assert set(frimley.successors.values_list("slug", flat=True)) == {
        "thames-valley",
        "surrey-and-sussex",
        "hiow",
    }
    assert frimley.change_date == D(2026, 4, 1)
    assert "Thames Valley" in frimley.end_reason and "split" in frimley.end_reason
    assert icb("frimley").end_date == D(2026, 3, 31)


def test_surrey_heartlands_and_norfolk_and_waveney_merged(seeded):
    surrey = System.objects.get(slug="surrey-heartlands")
    assert (surrey.end_date, surrey.end_kind) == (D(2026, 3, 31), "merged")
    assert list(surrey.successors.values_list("slug", flat=True)) == ["surrey-and-sussex"]
    norfolk = System.objects.get(slug="norfolk-waveney")
    assert (norfolk.end_date, norfolk.end_kind) == (D(2026, 3, 31), "merged")
    assert list(norfolk.successors.values_list("name", flat=True)) == ["Norfolk and Suffolk"]
    assert set(
        System.objects.get(name="Norfolk and Suffolk").predecessors.values_list("slug", flat=True)
    ) == {"norfolk-waveney", "suffolk-and-north-east-essex"}


def test_hiow_gains_part_of_frimley_and_a_new_ons_code_keeping_qrl(seeded):
    hiow = System.objects.get(slug="hiow")
    assert hiow.end_date is None
    assert list(hiow.predecessors.values_list("slug", flat=True)) == ["frimley"]
    board = icb("hiow")
    assert board.codes_on(D(2026, 3, 31)) == {"ods": "QRL", "gss": "E54000042"}
    assert board.codes_on(D(2026, 4, 1)) == {"ods": "QRL", "gss": "E54000067"}


@pytest.mark.parametrize(
    ("slug", "before", "after"),
    [("surrey-heartlands", "E54000052", "E54000063"), ("sussex", "E54000053", "E54000064")],
)
def test_the_ons_codes_change_with_the_boundaries_on_1_april_2023(seeded, slug, before, after):
    board = icb(slug)
    assert board.code_on(D(2023, 3, 31), "gss") == before
    assert board.code_on(D(2023, 4, 1), "gss") == after
    assert board.code_on(D(2026, 3, 31), "gss") == after
    assert board.code_on(D(2026, 4, 1), "gss") is None  # abolished
    assert board.code_on(D(2026, 4, 1), "ods") is None


def test_surrey_and_sussex_has_its_codes_from_1_april_2026_only(seeded):
    board = icb("surrey-and-sussex")
    assert board.codes_on(D(2026, 3, 31)) == {}
    assert board.codes_on(D(2026, 4, 1)) == {"ods": "S9B9J", "gss": "E54000069"}


def test_regions_by_their_codes(seeded):
    assert System.objects.get(slug="hiow").get_region_display() == "South East"
    assert System.objects.get(slug="hiow").region == "Y59"
    regions = dict(
        System.objects.real()
        .current()
        .values("region")
        .order_by("region")
        .annotate(n=Count("id"))
        .values_list("region", "n")
    )
    assert sum(regions.values()) == 36
    assert set(regions) == {"Y56", "Y58", "Y59", "Y60", "Y61", "Y62", "Y63"}


def test_every_directory_record_cites_a_register_or_the_data_set(seeded):
    national = {
        "england-icb-reference-data-set-2026",
        "ons-icb-and-local-authority-lookups",
        "nhs-ods-integrated-care-boards",
    }
    created = System.objects.exclude(slug__in=SEED_SYSTEMS)
    assert set(created.values_list("source__slug", flat=True)) == {
        "england-icb-reference-data-set-2026"
    }
    icbs = Organisation.objects.filter(kind="icb").exclude(slug__in=["hiow-icb", "hw-icb"])
    assert set(icbs.values_list("source__slug", flat=True)) == {"nhs-ods-integrated-care-boards"}
    codes = OrganisationIdentifier.objects.filter(organisation__kind="icb")
    assert set(codes.values_list("source__slug", flat=True)) <= national
    assert not codes.filter(source_note="").exists()


def test_synthetic_systems_never_mix_with_the_directory(seeded):
    from icsgov.synthetic import Shape, generate

    generate(Shape(systems=3, places_per_system=1, clusters_per_place=1, meetings_per_board=1))
    assert real_on(D(2025, 6, 1)).count() == 42
    assert real_on(D(2026, 12, 1)).count() == 36
    synthetic = System.objects.filter(is_synthetic=True)
    assert synthetic.count() == 3
    assert not synthetic.exclude(region="").exists()
    assert not synthetic.filter(council_areas__isnull=False).exists()
    assert not synthetic.filter(predecessors__isnull=False).exists()
