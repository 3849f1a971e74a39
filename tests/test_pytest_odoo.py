"""`make test-fast`: the module tests through pytest-odoo.

Runs scripts/test_fast.sh (the command behind `make test-fast`) on the test
database that `make test` prepared, as a developer does between edits: once
with a `-k` selection, once for a whole module with HTTP=1 (its HttpCase
tests included, which need pytest-odoo's HTTP server), and reads the JUnit
report.
"""

import os
import subprocess
import xml.etree.ElementTree as ET

from tests.conftest import ROOT


def _test_fast(odoo_env, tmp_path, modules, args="", http=False):
    out = tmp_path / "out"
    env = dict(
        os.environ,
        B2B_TEST_DB=odoo_env["live_db"],
        B2B_TEST_OUT=str(out),
        MODULES=modules,
        ARGS=args,
        HTTP="1" if http else "0",
    )
    res = subprocess.run(
        ["bash", str(ROOT / "scripts" / "test_fast.sh")],
        cwd=str(ROOT),
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    root = ET.parse(out / "pytest-odoo.xml").getroot()
    suite = root if root.tag == "testsuite" else root.find("testsuite")
    cases = suite.findall("testcase")
    return suite, cases


def test_selection_with_k(odoo_env, tmp_path):
    suite, cases = _test_fast(odoo_env, tmp_path, "b2b_base", "-k lifecycle")
    assert int(suite.get("failures")) == int(suite.get("errors")) == 0
    assert int(suite.get("skipped")) == 0
    assert len(cases) >= 5
    for case in cases:
        assert "lifecycle" in (case.get("classname") + case.get("name")).lower()
        assert "b2b_base.tests.test_" in case.get("classname")


def test_whole_module_with_http_cases(odoo_env, tmp_path):
    suite, cases = _test_fast(odoo_env, tmp_path, "b2b_base", http=True)
    assert int(suite.get("failures")) == int(suite.get("errors")) == 0
    # HttpCase tests run (pytest-odoo skips them without its HTTP server)
    assert int(suite.get("skipped")) == 0
    assert len(cases) >= 40
