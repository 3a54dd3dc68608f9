"""The benchmark: every key read of the registry at national scale, against the database floor.

``make bench`` (or ``.venv/bin/python bench/run.py``) generates the national synthetic data,
published, if it is absent, then for each read makes many requests in-process (Django's test
client: the whole middleware stack, DEBUG off, no network) and reports the median and 95th
percentile latency and the queries per request. For each API read it also times the **floor**
(bench/floors.py): the same JSON — same fields, same nesting, same URLs — from one hand-written
SQL query through psycopg2, assembled in plain Python and encoded with orjson, no framework;
it checks that the floor's JSON equals ours and prints ours / floor. The table is printed and
written to ``bench/results.json`` (a list of objects: name, p50_ms, p95_ms, queries, and for
API reads floor_p50_ms and ratio), so two commits can be compared.

A benchmark, not a test: the figures depend on the machine and on what else runs on it.
Options: ``--repeat N`` (requests per read, default 60), ``--only WORD`` (reads whose name
contains it: a partial run, printed but not written over ``bench/results.json`` unless
``--output`` is given), ``--output FILE``, ``--regenerate`` (make the synthetic data again
first).
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "icsgov.settings")
os.environ["DJANGO_DEBUG"] = "false"
# Published synthetic data is shown to anonymous readers in this process only.
os.environ["ICSGOV_SHOW_SYNTHETIC"] = "true"
# The throttle still counts every request (its cache queries are part of each figure), but
# the benchmark's thousands of requests a minute must not be refused.
os.environ.setdefault("API_ANON_RATE", "1000000/min")
os.environ.setdefault("API_USER_RATE", "1000000/min")
# One log line per request still goes through the logger; only warnings are printed.
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

import orjson  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402

from bench import floors  # noqa: E402
from icsgov.deploy.memory import freeze_loaded  # noqa: E402
from partnerships.models import Board, Membership  # noqa: E402
from places.models import System  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results.json"
AS_AT = "2024-06-01"
BENCH_USER = "bench-superuser"
BENCH_STAFF = "bench-staff"


def ensure_data(regenerate=False):
    """The national synthetic data, published; generated when absent (about two minutes)."""
    systems = System.objects.filter(is_synthetic=True)
    published = Board.objects.filter(system__in=systems, is_published=True).exists()
    if regenerate or systems.count() < 42 or not published:
        print("Generating the national synthetic data (published) ...", flush=True)
        call_command("generate_synthetic", "--publish")
    counts = {
        "systems": systems.count(),
        "appointments": Membership.objects.filter(post__board__system__in=systems).count(),
    }
    return counts


def superuser():
    user, _ = get_user_model().objects.get_or_create(
        username=BENCH_USER, defaults={"is_staff": True, "is_superuser": True}
    )
    return user


def staff():
    """A signed-in member of staff who is not a superuser: a viewer of one system (the first
    synthetic one), for reads whose answer depends on what the reader may see."""
    from icsgov.access import AccessRole, SystemAccess

    user, _ = get_user_model().objects.get_or_create(
        username=BENCH_STAFF, defaults={"is_staff": True, "is_superuser": False}
    )
    system = System.objects.filter(is_synthetic=True).order_by("slug").first()
    SystemAccess.objects.get_or_create(
        user=user, system=system, defaults={"role": AccessRole.VIEWER}
    )
    return user


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(fn, repeat, warmup=3):
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), percentile(samples, 0.95)


class Read:
    """One read to time. ``signed_in``: True for the benchmark's superuser, ``"staff"`` for a
    member of staff who is not one, False for an anonymous client. ``cached=False`` times it
    with the read cache off (every anonymous request answered afresh, as the first one after a
    change is); signed-in reads are never cached (icsgov/core/caching.py)."""

    def __init__(self, name, path, signed_in, floor=None, kind="api", cached=True):
        self.name, self.path, self.signed_in, self.floor, self.kind, self.cached = (
            name,
            path,
            signed_in,
            floor,
            kind,
            cached,
        )


def floor(name):
    """The floor of a read, where one is written (bench/floors.py)."""
    return getattr(floors, name, None)


def reads():
    system = System.objects.filter(is_synthetic=True).order_by("slug").first()
    board = Board.objects.get(slug=f"{system.slug}-icb-board")
    person = Membership.objects.filter(post__board=board).select_related("person").first().person
    words = person.name.replace(" ", "+")
    return [
        Read("systems list", "/api/v1/systems/?limit=100", True, floor("systems_list")),
        Read("bodies list", "/api/v1/boards/?limit=100", True, floor("bodies_list")),
        Read(
            "board detail as at",
            f"/api/v1/boards/{board.slug}/?as_at={AS_AT}",
            True,
            floor("board_detail"),
        ),
        Read(
            "appointments by system, 100",
            f"/api/v1/memberships/?system={system.slug}&limit=100",
            True,
            floor("appointments_list"),
        ),
        # Lists whose order starts in another table (the bodies' names, the meetings' dates):
        # the first page of every system's 40,000 appointments and 242,000 attendances.
        Read(
            "appointments, every system, 100",
            "/api/v1/memberships/?limit=100",
            True,
            floor("appointments_list"),
        ),
        Read("attendance, 100", "/api/v1/attendance/?limit=100", True),
        Read(
            "people search", f"/api/v1/search/?q={words}&type=person", True, floor("people_search")
        ),
        Read(
            "Popolo export of a system",
            f"/api/v1/systems/{system.slug}/popolo/",
            True,
            floor("popolo_export"),
        ),
        Read(
            "appointments CSV, 100",
            f"/api/v1/memberships/?system={system.slug}&limit=100&format=csv",
            True,
            floor("appointments_csv"),
            kind="export",
        ),
        Read("changes feed, 100", "/api/v1/changes/?limit=100", True, floor("changes_feed")),
        Read("changes feed, 100, staff", "/api/v1/changes/?limit=100", "staff"),
        Read("changes feed, 100, anonymous", "/api/v1/changes/?limit=100", False, cached=False),
        Read(
            "appointments, 100, anonymous, cached",
            f"/api/v1/memberships/?system={system.slug}&limit=100",
            False,
        ),
        Read("public system page", f"/systems/{system.slug}/", False, kind="page", cached=False),
        Read(
            "public board page",
            f"/boards/{board.slug}/?as_at={AS_AT}",
            False,
            kind="page",
            cached=False,
        ),
        Read("public search page", f"/search/?q={words}", False, kind="page", cached=False),
        Read(
            "body iCalendar feed",
            f"/boards/{board.slug}/calendar.ics",
            False,
            kind="page",
            cached=False,
        ),
        Read("public system page, cached", f"/systems/{system.slug}/", False, kind="page"),
        Read(
            "public board page, cached", f"/boards/{board.slug}/?as_at={AS_AT}", False, kind="page"
        ),
        Read(
            "admin appointments changelist, 100",
            f"/{settings.ADMIN_PATH}partnerships/membership/",
            True,
            kind="admin",
        ),
    ]


def measure(read, client, repeat):
    def get():
        response = client.get(read.path)
        if response.status_code != 200:
            raise SystemExit(f"{read.name}: {read.path} answered {response.status_code}")
        return response

    if read.cached and not read.signed_in:
        get()  # stored: the queries counted below are those of a request served from the cache
    queries = []
    began = time.perf_counter()
    with connection.execute_wrapper(
        lambda execute, sql, *a: queries.append(sql) or execute(sql, *a)
    ):
        response = get()
    if time.perf_counter() - began > 1:  # a read slower than a second: a few samples suffice
        repeat = min(repeat, 5)
    p50, p95 = timed(get, repeat, warmup=1 if repeat <= 5 else 3)
    row = {
        "name": read.name,
        "path": read.path,
        "signed_in": read.signed_in,
        "p50_ms": round(p50, 2),
        "p95_ms": round(p95, 2),
        "queries": len(queries),
        "bytes": len(response.content),
        "requests": repeat,
    }
    if read.floor is not None:
        floor_body = read.floor(read.path)
        if read.kind == "export":  # CSV: the same bytes
            ours, theirs = response.content.decode().splitlines(), floor_body.decode().splitlines()
        else:
            ours, theirs = orjson.loads(response.content), orjson.loads(floor_body)
        if ours != theirs:
            floors.explain_difference(read.name, ours, theirs)
            raise SystemExit(f"{read.name}: the floor's JSON differs from ours (see above)")
        floor_p50, floor_p95 = timed(lambda: read.floor(read.path), repeat)
        row["floor_p50_ms"] = round(floor_p50, 2)
        row["floor_p95_ms"] = round(floor_p95, 2)
        row["floor_bytes"] = len(floor_body)
        row["ratio"] = round(p50 / floor_p50, 2)
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=60)
    parser.add_argument("--only", default="", help="Comma-separated words of read names.")
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument(
        "--output",
        default=None,
        help=f"Where to write the results (default {RESULTS.name}; a partial run, --only, "
        "writes only where this says).",
    )
    args = parser.parse_args()

    setup_test_environment()  # the test client's response.templates etc.; DEBUG stays off
    counts = ensure_data(args.regenerate)
    print(
        f"National synthetic data: {counts['systems']} systems, {counts['appointments']} "
        f"appointments. DEBUG={settings.DEBUG}. {args.repeat} requests per read.\n"
    )
    anonymous, signed_in = Client(HTTP_HOST="localhost"), Client(HTTP_HOST="localhost")
    signed_in.force_login(superuser())
    staff_client = Client(HTTP_HOST="localhost")
    staff_client.force_login(staff())
    clients = {True: signed_in, "staff": staff_client, False: anonymous}
    freeze_loaded()  # as each gunicorn worker does once loaded (icsgov/deploy/memory.py)
    rows = []
    header = f"{'read':38} {'p50 ms':>8} {'p95 ms':>8} {'queries':>7} {'floor ms':>9} {'ratio':>6}"
    print(header)
    print("-" * len(header))
    for read in reads():
        wanted = [word.strip().lower() for word in args.only.split(",") if word.strip()]
        if wanted and not any(word in read.name.lower() for word in wanted):
            continue
        with override_settings(READ_CACHE_ENABLED=read.cached):
            row = measure(read, clients[read.signed_in], args.repeat)
        row["cached"] = read.cached and not read.signed_in
        row["kind"] = read.kind
        rows.append(row)
        floor = f"{row['floor_p50_ms']:9.2f} {row['ratio']:5.2f}x" if "ratio" in row else ""
        print(
            f"{row['name']:38} {row['p50_ms']:8.2f} {row['p95_ms']:8.2f} {row['queries']:7d} "
            f"{floor}",
            flush=True,
        )
    output = args.output or (None if args.only else str(RESULTS))
    if output is None:
        # A partial run's rows alone would replace a whole run's: the file compared between
        # commits keeps every read.
        print(f"\nNot written: a partial run (--only) leaves {RESULTS} as it was (--output FILE).")
        return
    Path(output).write_text(json.dumps(rows, indent=2) + "\n")
    print(f"\nWritten to {output}.")


if __name__ == "__main__":
    main()
