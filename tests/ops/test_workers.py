"""A gunicorn worker, once it has loaded the registry, keeps what it loaded out of the garbage
collector's full collections (icsgov/deploy/memory.py)."""

import gc
import runpy

from tests.ops.conftest import ROOT


def test_a_loaded_worker_keeps_its_start_up_objects_out_of_the_collector():
    config = runpy.run_path(str(ROOT / "icsgov" / "deploy" / "gunicorn.conf.py"))
    gc.unfreeze()
    try:
        config["post_worker_init"](worker=None)
        # What was loaded (in this test process, the suite's modules too) is frozen, and a full
        # collection walks only what is made from now on.
        assert gc.get_freeze_count() > 50_000
        assert len(gc.get_objects()) < gc.get_freeze_count() / 10
    finally:
        gc.unfreeze()
