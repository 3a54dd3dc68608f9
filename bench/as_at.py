"""Benchmark: how "as at" reads and the membership rules scale from a few systems to national size.

A benchmark, not a test: it prints figures and ratios. Run with
``.venv/bin/python bench/as_at.py`` (uses the development database, adds synthetic data and
removes it again). Correctness is the test suite's job.
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "icsgov.settings")

import django  # noqa: E402

django.setup()

from icsgov.synthetic import Shape, delete_synthetic, generate  # noqa: E402
from partnerships.models import Board, Membership  # noqa: E402
from partnerships.services import check_membership_rules  # noqa: E402

DATE = datetime.date(2023, 6, 1)


def timed(fn, repeat=20):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def measure():
    board = Board.objects.filter(system__is_synthetic=True, kind="icb_board").first()
    membership = Membership.objects.filter(post__board=board).select_related("post").first()
    return {
        "national as-at count (ms)": timed(lambda: Membership.objects.as_at(DATE).count()),
        "one board's members as at (ms)": timed(
            lambda: list(
                Membership.objects.filter(post__board=board)
                .as_at(DATE)
                .select_related("person", "post", "on_behalf_of")
            )
        ),
        "membership rules for one save (ms)": timed(lambda: check_membership_rules(membership)),
    }


def main():
    results = {}
    for systems in (4, 42):
        delete_synthetic()
        counts = generate(Shape(systems=systems))
        results[systems] = measure()
        print(f"{systems} systems, {counts['memberships']} memberships:")
        for name, ms in results[systems].items():
            print(f"  {name:40} {ms:8.2f}")
    delete_synthetic()
    print("ratio 42 systems / 4 systems (10.5x the rows):")
    for name in results[4]:
        print(f"  {name:40} {results[42][name] / results[4][name]:8.2f}x")


if __name__ == "__main__":
    main()
