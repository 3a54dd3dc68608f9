"""A gunicorn worker, once it has loaded the registry, loads its addresses and keeps what it
loaded out of the garbage collector's full collections (icsgov/deploy/memory.py); that gunicorn
runs the hook in each worker is checked in test_serving.py, through ``make run``."""

import json
import re
import subprocess
import sys

from tests.ops.conftest import ROOT

#: What a worker does: import the application, then run the configuration's hook.
WORKER = """
import gc, json, runpy, sys
import icsgov.wsgi
before = "partnerships.api.views.boards" in sys.modules
config = runpy.run_path("icsgov/deploy/gunicorn.conf.py")
class Log:
    def info(self, *args): self.line = args[0] % args[1:]
class Worker:
    log = Log()
config["post_worker_init"](Worker())
frozen = gc.get_freeze_count()
views = sys.modules["partnerships.api.views.boards"]
print(json.dumps({
    "views_before": before,
    "views_after": "partnerships.api.views.boards" in sys.modules,
    "view_frozen": not gc.is_tracked(views.__dict__) or views.__dict__ not in gc.get_objects(),
    "frozen": frozen,
    "line": Worker.log.line,
}))
"""


def test_a_loaded_worker_loads_its_addresses_and_keeps_them_out_of_the_collector():
    result = subprocess.run(
        [sys.executable, "-c", WORKER], cwd=ROOT, capture_output=True, text=True, check=True
    )
    worker = json.loads(result.stdout.strip().splitlines()[-1])
    assert not worker["views_before"]  # the application alone does not load the views
    assert worker["views_after"] and worker["view_frozen"]
    assert worker["frozen"] > 100_000
    said = re.fullmatch(
        r"Worker loaded: (\d+) objects kept out of the garbage collector", worker["line"]
    )
    assert said and int(said.group(1)) > 100_000
