"""Install, upgrade and uninstall the suite on a database with sales data.

The database is a copy of the demo template built by `make test` (Sales with
Odoo's demo data: customers, products, quotations, orders), turned into a
production-like database (no module flagged with demo data), so the suite
installs without its own demo data. Each step runs in its own Odoo process,
as an administrator would run it, and its log must hold no warning and no
error. The suite's demo data (install and upgrade) is tested by
tests/test_demo_data.py: its orders and invoices of the demo dealers keep
those dealers and products from being deleted by an uninstallation, which
Odoo logs as failed deletions.
"""

import re
import uuid

import pytest

from tests.conftest import clone_db, drop_db, odoo_cmd, run, suite_modules

LOG_PROBLEM = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (WARNING|ERROR|CRITICAL) ", re.M
)


def _problems(output):
    return [line for line in output.splitlines() if LOG_PROBLEM.match(line)]


def _odoo(odoo_env, db, *args, stdin=None):
    cmd = [*odoo_cmd(odoo_env, db, *args), "--log-level=warn", "--no-http"]
    if not (args and args[0] == "shell"):
        cmd.append("--stop-after-init")
    return run(cmd, input=stdin)


def _states(db, modules):
    names = ",".join(f"'{m}'" for m in modules)
    res = run(
        [
            "psql",
            "-XAtq",
            "-d",
            db,
            "-c",
            "SELECT name || '=' || state FROM ir_module_module "
            f"WHERE name IN ({names}) ORDER BY name",
        ]
    )
    assert res.returncode == 0, res.stderr
    return dict(line.split("=") for line in res.stdout.split())


@pytest.fixture
def sales_db(odoo_env):
    db = f"b2b_lc_{uuid.uuid4().hex[:8]}"
    clone_db(odoo_env, odoo_env["demo_template_db"], db)
    res = run(
        ["psql", "-XAtq", "-d", db, "-c", "UPDATE ir_module_module SET demo = false"]
    )
    assert res.returncode == 0, res.stderr
    yield db
    drop_db(odoo_env, db)


@pytest.mark.parametrize(
    "modules",
    [["b2b_base"], suite_modules()],
    ids=["b2b_base", "whole-suite"],
)
def test_install_upgrade_uninstall(odoo_env, sales_db, modules):
    # the demo template really has sales data
    res = run(
        ["psql", "-XAtq", "-d", sales_db, "-c", "SELECT count(*) FROM sale_order"]
    )
    assert int(res.stdout.strip()) > 0, "the demo template must hold sale orders"

    mods = ",".join(modules)
    res = _odoo(odoo_env, sales_db, "-i", mods)
    assert res.returncode == 0, res.stdout + res.stderr
    assert _problems(res.stdout + res.stderr) == []
    assert set(_states(sales_db, modules).values()) == {"installed"}

    res = _odoo(odoo_env, sales_db, "-u", mods)
    assert res.returncode == 0, res.stdout + res.stderr
    assert _problems(res.stdout + res.stderr) == []

    script = (
        f"mods = env['ir.module.module'].search([('name', 'in', {modules!r})])\n"
        "mods.button_immediate_uninstall()\n"
    )
    res = _odoo(odoo_env, sales_db, "shell", stdin=script)
    assert res.returncode == 0, res.stdout + res.stderr
    assert _problems(res.stdout + res.stderr) == []
    assert set(_states(sales_db, modules).values()) == {"uninstalled"}
    # the sales data survived the round trip
    res = run(
        ["psql", "-XAtq", "-d", sales_db, "-c", "SELECT count(*) FROM sale_order"]
    )
    assert int(res.stdout.strip()) > 0
