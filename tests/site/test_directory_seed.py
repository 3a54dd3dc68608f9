"""The national directory loads with the seed, once: a second load changes nothing, and a
malformed row is reported with its file, line and reason, and loads nothing."""

import functools
import io
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pghistory.models import Events

from icsgov.seed.loader import NATIONAL_DIR, SeedError, load_seed
from partnerships.models import CouncilArea, Organisation
from places.models import System

pytestmark = pytest.mark.django_db


def test_loading_twice_changes_nothing_and_records_no_history(seeded):
    before = (Events.objects.count(), CouncilArea.objects.count(), System.objects.count())
    out = io.StringIO()
    call_command("load_seed", stdout=out)
    assert "0 created, 0 updated" in out.getvalue()
    assert (Events.objects.count(), CouncilArea.objects.count(), System.objects.count()) == before


def copy_with(tmp_path, file_name, old, new):
    """The shipped directory with one value changed in one file."""
    target = tmp_path / "national"
    shutil.copytree(NATIONAL_DIR, target)
    path = target / file_name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def line_of(file_name, needle):
    for number, line in enumerate((NATIONAL_DIR / file_name).read_text().splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_a_malformed_row_names_its_file_line_and_reason_and_loads_nothing(seeded, tmp_path):
    # A new ICB name that would be written if anything were, and a share that is not one.
    first = "NHS Bath and North East Somerset, Swindon and Wiltshire Integrated Care Board"
    national = copy_with(tmp_path, "icbs.csv", first, "Renamed Integrated Care Board")
    path = national / "icb_local_authorities.csv"
    line = line_of("icb_local_authorities.csv", "E10000014,Hampshire,county council,QRL")
    rows = path.read_text().splitlines()
    rows[line - 1] = rows[line - 1].replace(",0.8786,", ",1.8786,", 1)
    path.write_text("\n".join(rows) + "\n")

    with pytest.raises(SeedError) as error:
        load_seed(national_dir=national)
    assert f"icb_local_authorities.csv line {line}: share_of_la_lsoas '1.8786'" in str(error.value)
    assert not Organisation.objects.filter(name="Renamed Integrated Care Board").exists()


@pytest.mark.parametrize(
    ("file_name", "old", "new", "reason"),
    [
        ("icbs.csv", "South West (Y58),2022-07-01", "South West (Y99),2022-07-01", "nhs_region"),
        ("icb_codes.csv", "QOX,gss,E54000040,2022-07-01", "QOX,gss,E54000040,2022-13-01", "date"),
        (
            "icb_local_authorities.csv",
            "derived (ONS 2024 + ODS successions)",
            "guessed",
            "status 'guessed;",
        ),
        ("icbs.csv", ",S1Y5D,", ",ZZZZZ,", "ZZZZZ is not an ICB"),
    ],
)
def test_each_kind_of_malformed_row_is_refused(seeded, tmp_path, file_name, old, new, reason):
    national = copy_with(tmp_path, file_name, old, new)
    with pytest.raises(SeedError, match=rf"{file_name} line \d+.*{reason}"):
        load_seed(national_dir=national)


def test_a_row_the_rules_refuse_is_reported_and_nothing_is_kept(seeded, tmp_path):
    # A council linked to Frimley after Frimley ended: refused by CouncilArea.clean() on write.
    before = CouncilArea.objects.count()
    old = "E06000036,Bracknell Forest,unitary authority,unknown,unknown,"
    national = copy_with(
        tmp_path,
        "icb_local_authorities.csv",
        old + "unknown: one of S0E4D Thames Valley / S9B9J Surrey and Sussex / QRL Hampshire "
        "and Isle of Wight,2026-04-01,,82,82,1.0,False,D4U1Y,E06000036,unknown",
        "E06000036,Bracknell Forest,unitary authority,QNQ,E54000034,NHS Frimley Integrated "
        "Care Board,2026-04-01,,82,82,1.0,False,D4U1Y,E06000036,derived (ONS 2024)",
    )
    line = line_of("icb_local_authorities.csv", old)
    with pytest.raises(SeedError, match=rf"icb_local_authorities.csv line {line} .*ended on"):
        load_seed(national_dir=national)
    assert CouncilArea.objects.count() == before


def test_the_command_says_nothing_changed(seeded, tmp_path, monkeypatch):
    national = copy_with(tmp_path, "icbs.csv", ",QOX,", ",Q O X,")
    monkeypatch.setattr(
        "icsgov.management.commands.load_seed.load_seed",
        functools.partial(load_seed, national_dir=national),
    )
    with pytest.raises(CommandError, match=r"nothing changed: icbs.csv line 2: ods_code"):
        call_command("load_seed", stdout=io.StringIO())


def test_a_seed_record_may_not_set_what_the_directory_gives(seeded, tmp_path):
    from icsgov.seed.loader import DATA_DIR

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    core = data / "core.yaml"
    core.write_text(
        core.read_text().replace(
            "    short_name: HIOW\n", "    short_name: HIOW\n    region: Y59\n"
        )
    )
    core.write_text(
        core.read_text().replace("  - slug: hiow\n", "  - slug: hiow\n    end_date: 2030-01-01\n")
    )
    with pytest.raises(SeedError, match="'hiow' sets end_date, region, which the national"):
        load_seed(data)
    assert System.objects.get(slug="hiow").end_date is None
