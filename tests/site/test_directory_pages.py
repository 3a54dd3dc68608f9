"""The national directory on the public pages and the systems API, as at a date: the home page,
the national index (by NHS region) and the API answer 42 systems on 2025-06-01 and 36 today; a
system page shows its councils then (split councils with their share, links not confirmed marked
so, councils not known listed apart), its codes then, and its predecessors and successors with
the change date; a body of an ended system says its fate after the end is not recorded."""

import csv
import io
import re

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def text(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    words = " ".join(soup.get_text(" ").split())
    # A responsive table repeats its column's heading in each cell, for narrow screens.
    for heading in soup.select(".nhsuk-table__heading"):
        heading.decompose()
    return soup, words


def index_rows(soup):
    table = soup.select_one("table")
    return [row.select("td") for row in table.select("tbody tr")] if table else []


@pytest.mark.parametrize(("as_at", "count"), [("2025-06-01", 42), ("2026-03-31", 42), ("", 36)])
def test_the_home_page_lists_the_systems_as_at_a_date(client, seeded, as_at, count):
    soup, words = text(client, f"/?as_at={as_at}")
    assert len(soup.select(".nhsuk-card-group__item")) == count
    assert f"{count} systems" in words
    assert ("Frimley" in [h.get_text(strip=True) for h in soup.select(".nhsuk-card__heading")]) == (
        count == 42
    )


@pytest.mark.parametrize(
    ("as_at", "count"), [("2022-07-01", 42), ("2025-06-01", 42), ("2026-04-01", 36), ("", 36)]
)
def test_the_national_index_as_at_a_date(client, seeded, as_at, count):
    soup, words = text(client, f"/systems/?as_at={as_at}")
    assert len(index_rows(soup)) == count
    assert f"{count} systems" in words


def test_the_national_index_by_region_with_codes_and_successions(client, seeded):
    soup, words = text(client, "/systems/?as_at=2025-06-01&region=Y59")
    rows = {
        row[0].get_text(strip=True): [c.get_text(" ", strip=True) for c in row]
        for row in index_rows(soup)
    }
    assert set(rows) == {
        "Buckinghamshire, Oxfordshire and Berkshire West",
        "Frimley",
        "Hampshire and Isle of Wight",
        "Kent and Medway",
        "Surrey Heartlands",
        "Sussex",
    }
    assert "in South East" in words
    assert rows["Hampshire and Isle of Wight"][2] == "ODS QRL; ONS E54000042"
    assert rows["Hampshire and Isle of Wight"][3] == "2,000,000"
    assert rows["Surrey Heartlands"][2] == "ODS QXU; ONS E54000063"
    assert "Merged into Surrey and Sussex from 1 April 2026" in rows["Surrey Heartlands"][4]
    assert "Split between" in rows["Frimley"][4] and "Thames Valley" in rows["Frimley"][4]
    today, _ = text(client, "/systems/?region=Y59")
    now = {row[0].get_text(strip=True): row for row in index_rows(today)}
    assert set(now) == {
        "Hampshire and Isle of Wight",
        "Kent and Medway",
        "Surrey and Sussex",
        "Thames Valley",
    }
    assert now["Hampshire and Isle of Wight"][2].get_text(strip=True) == "ODS QRL; ONS E54000067"
    assert "Took over part of Frimley from 1 April 2026" in now["Hampshire and Isle of Wight"][
        4
    ].get_text(" ", strip=True)


def test_a_bad_date_is_explained_on_the_index(client, seeded):
    soup, words = text(client, "/systems/?as_at=2023-02-30", status=400)
    assert "Enter a real date" in soup.select_one(".nhsuk-error-summary").get_text()


def council_rows(soup):
    for table in soup.select("table"):
        caption = table.select_one("caption")
        if caption and caption.get_text(strip=True).startswith("Councils in"):
            return {
                row.select("td")[0].get_text(strip=True): [
                    c.get_text(" ", strip=True) for c in row.select("td")
                ]
                for row in table.select("tbody tr")
            }
    return {}


def test_a_system_page_shows_its_councils_as_at_a_date(client, seeded):
    soup, words = text(client, "/systems/frimley/?as_at=2025-06-01")
    rows = council_rows(soup)
    assert set(rows) == {
        "Bracknell Forest",
        "Hampshire County Council",
        "Slough",
        "Surrey County Council",
        "Windsor and Maidenhead",
    }
    assert rows["Hampshire County Council"][3] == "Part: 12.1%"
    assert rows["Slough"][3] == "All of it"
    assert rows["Slough"][2] == "E06000039"
    assert "ODS QNQ; ONS E54000034" in words
    hiow, _ = text(client, "/systems/hiow/?as_at=2025-06-01")
    assert council_rows(hiow)["Hampshire County Council"][3] == "Part: 87.9%"


def test_an_ended_system_page_says_so_and_names_its_successors(client, seeded):
    soup, words = text(client, "/systems/frimley/")
    assert "Frimley ended on 31 March 2026." in words
    assert "not recorded" in words
    assert council_rows(soup) == {}
    for slug in ("thames-valley", "surrey-and-sussex", "hiow"):
        assert soup.select_one(f'a[href^="/systems/{slug}/"]'), slug
    assert "No ICB codes on this date" in words


def test_links_not_confirmed_and_councils_not_known_are_never_shown_as_fact(client, seeded):
    soup, words = text(client, "/systems/essex/")
    rows = council_rows(soup)
    assert "Not confirmed" in rows["Essex"][4]
    assert "Confirmed" not in rows["Essex"][4].replace("Not confirmed", "")
    assert "is inferred from geography, not confirmed by a published lookup" in words
    soup, words = text(client, "/systems/thames-valley/")
    assert "Slough" not in council_rows(soup)
    assert "Not known" in words
    known = soup.find("h3", string="Not known").find_next("ul").get_text(" ", strip=True)
    assert "Slough" in known and "Bracknell Forest" in known and "Surrey and Sussex" in known


def test_a_body_of_an_ended_system_says_its_fate_is_not_recorded(client, seeded):
    _, words = text(client, "/boards/frimley-icp/")
    assert (
        "Frimley ended on 31 March 2026. What became of this body after that is not recorded."
        in words
    )
    _, earlier = text(client, "/boards/frimley-icp/?as_at=2025-06-01")
    assert "What became of this body" not in earlier


def test_the_sources_page_carries_the_licence(client, seeded):
    _, words = text(client, "/sources/")
    assert (
        "Contains public sector information licensed under the Open Government Licence v3.0"
        in words
    )
    assert "Office for National Statistics" in words and "NHS England" in words


@pytest.mark.parametrize(
    ("as_at", "count"), [("2025-06-01", 42), ("2026-03-31", 42), ("2026-04-01", 36)]
)
def test_the_systems_api_as_at_a_date(api, seeded, as_at, count):
    body = api.get(f"/api/v1/systems/?as_at={as_at}&limit=200").json()
    assert body["count"] == count
    assert api.get("/api/v1/systems/?current=true").json()["count"] == 36


def test_the_systems_api_carries_region_codes_and_successions(api, seeded):
    frimley = api.get("/api/v1/systems/frimley/?as_at=2025-06-01").json()
    assert (frimley["region"], frimley["region_name"]) == ("Y59", "South East")
    assert frimley["codes"] == {"as_at": "2025-06-01", "ods": "QNQ", "gss": "E54000034"}
    assert frimley["icb"]["slug"] == "frimley-icb"
    assert (frimley["end_date"], frimley["end_kind"]) == ("2026-03-31", "split")
    assert {(s["slug"], s["date"], s["part"]) for s in frimley["successors"]} == {
        ("thames-valley", "2026-04-01", True),
        ("surrey-and-sussex", "2026-04-01", True),
        ("hiow", "2026-04-01", True),
    }
    hiow = api.get("/api/v1/systems/hiow/").json()
    assert hiow["codes"]["gss"] == "E54000067" and hiow["codes"]["ods"] == "QRL"
    assert [(p["slug"], p["part"]) for p in hiow["predecessors"]] == [("frimley", True)]
    earlier = api.get("/api/v1/systems/hiow/?as_at=2026-03-31").json()
    assert earlier["codes"]["gss"] == "E54000042"
    sussex = api.get("/api/v1/systems/?region=Y59&as_at=2023-03-31&fields=slug,codes").json()
    codes = {row["slug"]: row["codes"]["gss"] for row in sussex["results"]}
    assert codes["sussex"] == "E54000053" and codes["surrey-heartlands"] == "E54000052"
    later = api.get("/api/v1/systems/?region=Y59&as_at=2023-04-01&fields=slug,codes").json()
    codes = {row["slug"]: row["codes"]["gss"] for row in later["results"]}
    assert codes["sussex"] == "E54000064" and codes["surrey-heartlands"] == "E54000063"


def test_the_systems_csv_export_takes_as_at(api, seeded):
    response = api.get("/api/v1/systems/?as_at=2025-06-01&format=csv&limit=200")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 42
    hiow = next(row for row in rows if row["slug"] == "hiow")
    assert (hiow["codes.ods"], hiow["codes.gss"], hiow["region"]) == ("QRL", "E54000042", "Y59")


def test_the_public_pages_name_no_internal_file_but_the_data_sets_tables(client, seeded):
    # The source sections name the data set's tables (cited, in the source line), never a
    # path or a paper's file.
    _, words = text(client, "/systems/thames-valley/")
    assert not re.search(r"\b\d{3}_[0-9a-f]{16}\b", words)
    assert "reference/" not in words and "../shared" not in words


def test_the_home_pages_date_is_typed_in_day_month_and_year_boxes(client, seeded):
    response = client.get("/", {"on-day": "1", "on-month": "6", "on-year": "2025"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select(".nhsuk-card-group__item")) == 42
    for name, value in (("on-day", "1"), ("on-month", "6"), ("on-year", "2025")):
        assert soup.select_one(f'input[name="{name}"]')["value"] == value
    bad = client.get("/", {"on-day": "31", "on-month": "2", "on-year": "2025"})
    assert bad.status_code == 400
    assert "The date must be a real date" in bad.content.decode()
