"""The garbage collector in a long-lived worker.

A worker that has loaded the registry and its addresses holds about 145,000 objects (modules,
models, views, serializers, URL patterns, settings) that live as long as it does. CPython's
collector walks all of them in each full collection, which at national scale came about once in
60 requests and took about 100 ms, landing on whichever request was running. Moved out of the
collector's way once loaded (``gc.freeze``), a full collection walks only what was made since:
about 6 ms (docs/performance.md, item 33).
"""

import gc

from django.urls import get_resolver


def freeze_loaded() -> int:
    """Load the addresses (every view and serializer module with them, as the first request
    would), collect what start-up left for the collector, then keep the rest out of its
    generations for the life of the process (gunicorn's ``post_worker_init``; the benchmark,
    likewise). Returns how many objects are kept so."""
    get_resolver().url_patterns  # noqa: B018 (reading it imports every address's module)
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
