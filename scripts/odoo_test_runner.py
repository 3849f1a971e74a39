"""Run Odoo's own test runner and write its result counts as JSON.

Usage: python odoo_test_runner.py REPORT.json <odoo server arguments>

Odoo logs its results but prints no machine-readable summary; this wrapper
runs ``odoo`` unchanged and, once the database is loaded and the tests ran,
reads the registry's test report (tests run, failures, errors, skipped).
"""

import json
import sys

from odoo.cli.command import main
from odoo.modules.registry import Registry
from odoo.service import server

report_path = sys.argv.pop(1)
counts = {"run": 0, "failures": 0, "errors": 0, "skipped": 0, "load_failed": 0}
_preload = server.preload_registries


def preload_registries(dbnames):
    rc = _preload(dbnames)
    if rc < 0:
        counts["load_failed"] += 1
    for dbname in dbnames or []:
        report = Registry(dbname)._assertion_report if rc >= 0 else None
        if report is not None:
            counts["run"] += report.testsRun
            counts["failures"] += report.failures_count
            counts["errors"] += report.errors_count
            counts["skipped"] += report.skipped
    return rc


server.preload_registries = preload_registries
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
finally:
    with open(report_path, "w", encoding="utf-8") as f:
        json.dump(counts, f)
sys.exit(code if isinstance(code, int) else 1)
