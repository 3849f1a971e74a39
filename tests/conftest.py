"""Shared settings of the pytest part of `make test`.

These tests run outside Odoo's own test runner: against a real multi-worker
server (tests/live), against fresh databases with sales data
(tests/lifecycle) or on the repository itself (translations). They get their
databases and paths from scripts/test.sh through environment variables and
fail, never skip, when those are missing.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _require_env(name):
    value = os.environ.get(name)
    if not value:
        pytest.fail(
            f"{name} is not set: run these tests through `make test` "
            "(scripts/test.sh), which prepares the databases.",
            pytrace=False,
        )
    return value


@pytest.fixture(scope="session")
def odoo_env():
    """Paths and databases prepared by scripts/test.sh."""
    return {
        "python": _require_env("B2B_VENV_PY"),
        "addons_path": _require_env("B2B_ADDONS_PATH"),
        "live_db": _require_env("B2B_LIVE_DB"),
        "template_db": _require_env("B2B_TEMPLATE_DB"),
        "demo_template_db": _require_env("B2B_DEMO_TEMPLATE_DB"),
        "data_dir": _require_env("B2B_DATA_DIR"),
    }


def suite_modules():
    """The modules under test: MODULES of `make test`, else every suite module."""
    selected = os.environ.get("B2B_MODULES")
    if selected:
        return sorted(m for m in selected.split(",") if m)
    return sorted(p.parent.name for p in (ROOT / "addons").glob("*/__manifest__.py"))


def odoo_cmd(odoo_env, db, *args):
    """The command line of an Odoo process on ``db`` with the suite's paths."""
    return [
        odoo_env["python"],
        str(ROOT / "scripts" / "odoo-bin"),
        *args,
        "-d",
        db,
        f"--addons-path={odoo_env['addons_path']}",
        f"--data-dir={odoo_env['data_dir']}",
    ]


def clone_db(odoo_env, src, dst):
    """Copy a database and its filestore (as scripts/lib.sh b2b_clone_db)."""
    res = run(["createdb", "-T", src, dst])
    assert res.returncode == 0, res.stderr
    store = Path(odoo_env["data_dir"]) / "filestore"
    if (store / src).is_dir():
        shutil.copytree(store / src, store / dst, copy_function=os.link)


def drop_db(odoo_env, db):
    run(["dropdb", "--if-exists", db])
    shutil.rmtree(Path(odoo_env["data_dir"]) / "filestore" / db, ignore_errors=True)


def run(cmd, **kwargs):
    """Run a command from / (never from inside an addons folder)."""
    return subprocess.run(
        cmd, cwd="/", capture_output=True, text=True, check=False, **kwargs
    )


def fake_missing_packages(bin_dir, missing, log):
    """Shims that make ``missing`` Debian packages look not installed.

    Writes ``dpkg-query`` (reports ``missing`` as not installed, asks the real
    one for the rest) and ``apt-get`` (records its arguments in ``log`` and
    succeeds: the packages are really there) into ``bin_dir``; put it first on
    PATH to see what the project's scripts install on a machine that lacks
    them.
    """
    bin_dir.mkdir(parents=True, exist_ok=True)
    real = shutil.which("dpkg-query")
    names = " ".join(missing)
    (bin_dir / "dpkg-query").write_text(
        "#!/bin/sh\n"
        'for a in "$@"; do last="$a"; done\n'
        f'for m in {names}; do [ "$last" = "$m" ] && exit 1; done\n'
        f'exec {real} "$@"\n'
    )
    (bin_dir / "apt-get").write_text(f'#!/bin/sh\necho "apt-get $*" >> {log}\nexit 0\n')
    for name in ("dpkg-query", "apt-get"):
        (bin_dir / name).chmod(0o755)
