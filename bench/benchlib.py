# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What every benchmark of bench/ shares: arguments, database, registry.

A benchmark runs on its own database copied from the test template (the Odoo
apps the suite depends on, no demo data; `make bench` passes it with
--template) and installs the modules it measures into it. The generated
dataset is committed once and reused by later runs.
"""

import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS = os.path.join(ROOT, "addons")
ODOO_BIN = os.path.join(ROOT, "scripts", "odoo-bin")


def base_parser(doc):
    parser = argparse.ArgumentParser(description=doc.split("\n", 1)[0])
    parser.add_argument("--db", required=True, help="database (created if missing)")
    parser.add_argument(
        "--template",
        default=os.environ.get("B2B_TEMPLATE_DB"),
        help="template database to copy (make bench passes the test template)",
    )
    return parser


def _db_exists(name):
    out = subprocess.run(
        ["psql", "-d", "postgres", "-XAtqc", "select datname from pg_database"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return name in out


def ensure_database(args, modules):
    """Create ``args.db`` from the template if missing; install ``modules``."""
    if not _db_exists(args.db):
        if not args.template:
            sys.exit("--template is required to create the database (see make bench)")
        print(f"creating {args.db} from {args.template}")
        subprocess.run(["createdb", "-T", args.template, args.db], check=True)
    print(f"installing/updating {','.join(modules)}")
    subprocess.run(
        [
            sys.executable,
            ODOO_BIN,
            "-d",
            args.db,
            f"--addons-path={ADDONS}",
            "-i",
            ",".join(modules),
            "--stop-after-init",
            "--without-demo=all",
            "--no-http",
            "--log-level=warn",
        ],
        check=True,
        cwd="/",
    )


def registry(db):
    """Odoo's registry of ``db``, configured as the benchmark server."""
    import odoo
    from odoo.tools import config

    config.parse_config(
        ["-d", db, f"--addons-path={ADDONS}", "--log-level=warn", "--no-http"]
    )
    return odoo.modules.registry.Registry(db)


def columns(cr, table, skip):
    """The columns of ``table`` in their order, without those in ``skip``."""
    cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = %s ORDER BY ordinal_position",
        [table],
    )
    return [name for (name,) in cr.fetchall() if name not in skip]


def insert_copies(cr, table, source_id, count, overrides, params):
    """Copy row ``source_id`` of ``table`` for g in 1..count, with
    ``overrides`` {column: SQL expression of g}; return the new ids.

    One ``INSERT ... SELECT ... generate_series`` statement: how the
    benchmarks build their volume without the ORM's per-record cost."""
    from psycopg2 import sql

    names = columns(cr, table, {"id"})
    select = [
        sql.SQL(overrides[c]) if c in overrides else sql.Identifier(c) for c in names
    ]
    cr.execute(
        sql.SQL(
            "INSERT INTO {t} ({cols}) SELECT {sel} FROM {t}, "
            "generate_series(1, %(count)s) g WHERE {t}.id = %(source)s "
            "ORDER BY g RETURNING id"
        ).format(
            t=sql.Identifier(table),
            cols=sql.SQL(", ").join(sql.Identifier(c) for c in names),
            sel=sql.SQL(", ").join(select),
        ),
        {"count": count, "source": source_id, **params},
    )
    return [row[0] for row in cr.fetchall()]


def insert_select(cr, table, overrides, source, extra_from="", params=()):
    """``INSERT INTO table SELECT ...`` copying the row(s) of ``source`` (a
    WHERE condition on ``t``) with ``overrides`` ({column: SQL expression})."""
    names = columns(cr, table, {"id"})
    target = ", ".join(f'"{c}"' for c in names)
    values = ", ".join(overrides.get(c, f't."{c}"') for c in names)
    cr.execute(
        f'INSERT INTO "{table}" ({target}) '
        f'SELECT {values} FROM "{table}" t {extra_from} WHERE {source}',
        params,
    )
