"""The lean list reads against the serializer's, in one run: each read of ``--only`` (default the
API lists with a floor) measured with the lean path on and off, alternately ``--rounds`` times
(so both see the same machine), with its floor. ``python bench/lean.py``; with
``--compare filters``, the filter backend that builds only the filters given against
django-filter's, which builds them all (the lean path on for both)."""

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from django.test import Client  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402

from bench import run  # noqa: E402  (sets up Django as the benchmark does)
from icsgov.core.api.views import RegistryViewSet  # noqa: E402


def use_lean(on):
    RegistryViewSet.lean_reads = on


def use_given_filters(on):
    from django_filters.rest_framework import DjangoFilterBackend
    from rest_framework.generics import GenericAPIView

    from icsgov.core.api.filtersets import GivenFiltersBackend

    GenericAPIView.filter_backends = [GivenFiltersBackend if on else DjangoFilterBackend]


#: What ``--compare`` switches: (off and on names, the switch).
SWITCHES = {
    "lean": (("serializer", "lean"), use_lean),
    "filters": (("all filters", "given only"), use_given_filters),
}

DEFAULT = "bodies list,appointments by system,appointments csv,systems list"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default=DEFAULT)
    parser.add_argument("--compare", choices=sorted(SWITCHES), default="lean")
    args = parser.parse_args()
    setup_test_environment()
    run.ensure_data()
    client = Client(HTTP_HOST="localhost")
    client.force_login(run.superuser())
    wanted = [w.strip().lower() for w in args.only.split(",") if w.strip()]
    reads = [r for r in run.reads() if r.floor and any(w in r.name.lower() for w in wanted)]
    names, switch = SWITCHES[args.compare]
    print(f"{'read':32} {'path':>11} {'p50 ms':>8} {'floor ms':>9} {'ratio':>6} {'queries':>7}")
    for read in reads:
        got = {True: [], False: []}
        for _ in range(args.rounds):
            for on in (False, True):
                switch(on)
                with override_settings(READ_CACHE_ENABLED=False):
                    got[on].append(run.measure(read, client, args.repeat))
        switch(True)
        for on in (False, True):
            rows = got[on]
            p50 = statistics.median(r["p50_ms"] for r in rows)
            floor = statistics.median(r["floor_p50_ms"] for r in rows)
            ratio = statistics.median(r["ratio"] for r in rows)
            print(
                f"{read.name:32} {names[on]:>11} {p50:8.2f} {floor:9.2f} {ratio:5.2f}x "
                f"{rows[0]['queries']:7d}",
                flush=True,
            )


if __name__ == "__main__":
    main()
