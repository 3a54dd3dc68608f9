"""The load run: the registry under gunicorn (2 workers, as ``make run`` serves it) on loopback,
driven from separate client processes for a bounded time, in two mixes — anonymous (public pages
and API reads of the published synthetic data) and signed in (API reads with a staff token).

``make load`` (or ``.venv/bin/python bench/load.py [--seconds 20] [--clients 4]``) needs the
national synthetic data published (``make bench`` makes it). It prints, for each mix, requests
per second, latency percentiles and the number of errors (any answer but 200, or no answer).
The clients are plain ``http.client`` keep-alive connections in their own processes, so the
server's two workers have the machine's CPUs to share with them: the figures are those of one
small machine doing both.
"""

import argparse
import http.client
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(port):
    return {
        **os.environ,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
        "DJANGO_DEBUG": "false",
        "ICSGOV_SHOW_SYNTHETIC": "true",
        "API_ANON_RATE": "1000000/min",
        "API_USER_RATE": "1000000/min",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_STATIC_MANIFEST": os.environ.get("DJANGO_STATIC_MANIFEST", "true"),
    }


def prepare():
    """The paths of each mix and a staff token, read through Django (in this process only)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "icsgov.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    from partnerships.models import Board, Membership
    from places.models import System

    systems = list(System.objects.filter(is_synthetic=True).order_by("slug")[:6])
    if not systems or not Board.objects.filter(system__in=systems, is_published=True).exists():
        raise SystemExit(
            "No published synthetic data: run make bench (or generate_synthetic --publish)."
        )
    boards = [Board.objects.get(slug=f"{s.slug}-icb-board") for s in systems]
    names = [
        m.person.name
        for m in Membership.objects.filter(post__board__in=boards).select_related("person")[:6]
    ]
    user, _ = get_user_model().objects.get_or_create(
        username="bench-superuser", defaults={"is_staff": True, "is_superuser": True}
    )
    token, _ = Token.objects.get_or_create(user=user)
    api = [
        "/api/v1/systems/?limit=100",
        "/api/v1/boards/?limit=100",
        *[f"/api/v1/memberships/?system={s.slug}&limit=100" for s in systems],
        *[f"/api/v1/boards/{b.slug}/?as_at=2024-06-01" for b in boards],
        *[f"/api/v1/search/?q={n.replace(' ', '+')}&type=person" for n in names],
    ]
    pages = [
        *[f"/systems/{s.slug}/" for s in systems],
        *[f"/boards/{b.slug}/?as_at=2024-06-01" for b in boards],
        *[f"/boards/{b.slug}/calendar.ics" for b in boards],
        *[f"/search/?q={n.replace(' ', '+')}" for n in names],
    ]
    return {
        "anonymous": (pages + api, {}),
        "signed in": (api, {"Authorization": f"Token {token.key}"}),
    }


def client(port, paths, headers, seconds, queue):
    """One client process: requests in turn for ``seconds``; puts (latencies in ms, errors)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    latencies, errors, n, kinds = [], 0, 0, {}
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        path = paths[n % len(paths)]
        n += 1
        start = time.perf_counter()
        try:
            connection.request("GET", path, headers={"Host": "localhost", **headers})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors += 1
                kinds[response.status] = kinds.get(response.status, 0) + 1
        except (OSError, http.client.HTTPException) as error:
            errors += 1
            kinds[type(error).__name__] = kinds.get(type(error).__name__, 0) + 1
            time.sleep(0.05)  # do not spin on a refused connection
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append((time.perf_counter() - start) * 1000)
    queue.put((latencies, errors, kinds))


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))] if ordered else 0


def run_mix(port, name, paths, headers, seconds, clients):
    queue = multiprocessing.Queue()
    processes = [
        multiprocessing.Process(target=client, args=(port, paths, headers, seconds, queue))
        for _ in range(clients)
    ]
    began = time.monotonic()
    for p in processes:
        p.start()
    results = [queue.get() for _ in processes]
    for p in processes:
        p.join()
    elapsed = time.monotonic() - began
    latencies = [ms for got, _, _ in results for ms in got]
    errors = sum(e for _, e, _ in results)
    kinds = {}
    for _, _, got in results:
        for kind, count in got.items():
            kinds[kind] = kinds.get(kind, 0) + count
    done = len(latencies) + errors
    print(
        f"{name:10} {done:6d} requests {done / elapsed:7.1f}/s"
        f"  p50 {statistics.median(latencies) if latencies else 0:7.1f}"
        f"  p90 {percentile(latencies, 0.9):7.1f}  p99 {percentile(latencies, 0.99):7.1f}"
        f"  max {max(latencies, default=0):7.1f} ms  errors {errors}"
        + (f" {kinds}" if kinds else ""),
        flush=True,
    )
    return {"mix": name, "requests": done, "rps": done / elapsed, "errors": errors}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20, help="Per mix (bounded).")
    parser.add_argument("--clients", type=int, default=4, help="Client processes per mix.")
    args = parser.parse_args()

    mixes = prepare()
    port = free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "--config", "icsgov/deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env=server_env(port),
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                c.request("GET", "/healthz", headers={"Host": "localhost"})
                if c.getresponse().status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("gunicorn did not start")
            time.sleep(0.5)
        print(
            f"gunicorn, 2 workers, on 127.0.0.1:{port}; {args.clients} client processes per mix, "
            f"{args.seconds:.0f} s each.\n"
        )
        # Warm both workers (their first requests import and connect).
        for mix_paths, headers in mixes.values():
            run_quiet(port, mix_paths, headers)
        total_errors = 0
        for name, (paths, headers) in mixes.items():
            total_errors += run_mix(port, name, paths, headers, args.seconds, args.clients)[
                "errors"
            ]
    finally:
        server.terminate()
        server.wait(timeout=30)
    if total_errors:
        raise SystemExit(f"{total_errors} errors under load")


def run_quiet(port, paths, headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for path in paths * 2:
        connection.request("GET", path, headers={"Host": "localhost", **headers})
        connection.getresponse().read()


if __name__ == "__main__":
    main()
