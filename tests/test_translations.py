"""Every user-facing string of every suite module is translated to zh_CN.

The reference is what Odoo itself extracts from the installed modules (code,
views, data, field labels, selections), exported from the test database, so a
string added without updating the .pot / zh_CN.po fails here.
"""

import tarfile
import tempfile
from pathlib import Path

import polib
import pytest

from tests.conftest import ROOT, odoo_cmd, run, suite_modules


@pytest.fixture(scope="module")
def exported(odoo_env):
    """{module: set(msgid)} as Odoo exports them from the test database."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "export.tgz"
        res = run(
            [
                *odoo_cmd(odoo_env, odoo_env["live_db"]),
                f"--i18n-export={out}",
                "--modules=" + ",".join(suite_modules()),
                "--log-level=warn",
                "--no-http",
                "--stop-after-init",
            ]
        )
        assert res.returncode == 0, res.stdout + res.stderr
        result = {}
        with tarfile.open(out) as tar:
            for member in tar.getmembers():
                if member.name.endswith(".pot"):
                    module = member.name.split("/")[0]
                    pot = polib.pofile(tar.extractfile(member).read().decode())
                    result[module] = {e.msgid for e in pot if not e.obsolete}
        return result


@pytest.mark.parametrize("module", suite_modules())
def test_zh_cn_complete(exported, module):
    msgids = exported.get(module, set())
    i18n = ROOT / "addons" / module / "i18n"
    if not msgids:
        # a module without strings (e.g. a meta module) needs no catalogue
        assert not (i18n / "zh_CN.po").exists() or polib.pofile(str(i18n / "zh_CN.po"))
        return
    assert (i18n / f"{module}.pot").exists(), f"{module}: missing i18n/{module}.pot"
    po = polib.pofile(str(i18n / "zh_CN.po"))
    assert po.metadata.get("Language", "").replace("-", "_") == "zh_CN"
    translated = {e.msgid for e in po if e.msgstr.strip() and "fuzzy" not in e.flags}
    missing = sorted(msgids - translated)
    assert (
        not missing
    ), f"{module}: {len(missing)} strings without zh_CN: {missing[:15]}"
    pot_ids = {e.msgid for e in polib.pofile(str(i18n / f"{module}.pot"))}
    stale = sorted(msgids - pot_ids)
    assert not stale, f"{module}: i18n/{module}.pot is out of date: {stale[:15]}"
