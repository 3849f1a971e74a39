"""scripts/backup.sh and scripts/restore.sh on a database of the whole suite.

The source is the live test database (every suite module installed), backed
up while an Odoo server runs on it, as in production. It is not cloned
first: `createdb -T` (clone_db) refuses a database with open connections,
and the live tests' session server keeps its pool open until the end of the
run; the only change the test makes to it is one attachment, removed at
the end. The archive is restored into a new database and filestore, Odoo is
started on it and must serve the data, the attachment's bytes included.
"""

import base64
import json
import os
import subprocess
import tempfile
import uuid
import zipfile
from pathlib import Path

import pytest
import requests

from tests.conftest import ROOT, drop_db
from tests.live.conftest import LiveServer


def _script(odoo_env, name, *args):
    env = dict(os.environ, B2B_DATA_DIR=odoo_env["data_dir"])
    return subprocess.run(
        ["bash", str(ROOT / "scripts" / name), *args],
        cwd="/",
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def _psql(db, sql):
    res = subprocess.run(
        ["psql", "-d", db, "-XAtqc", sql], capture_output=True, text=True, check=False
    )
    assert res.returncode == 0, res.stderr
    return res.stdout.strip()


@pytest.fixture
def source(odoo_env):
    """A server on the live database and an attachment stored in its filestore."""
    server = LiveServer(odoo_env, odoo_env["live_db"], workers=2).start()
    content = b"backup-" + uuid.uuid4().hex.encode() + os.urandom(4096)
    attachment = None
    try:
        [attachment] = server.admin(
            "ir.attachment",
            "create",
            [
                {
                    "name": "backup-check.bin",
                    "datas": base64.b64encode(content).decode(),
                    "res_model": "res.partner",
                    "res_id": 1,
                }
            ],
        )
        [att] = server.admin("ir.attachment", "read", [attachment], ["store_fname"])
        yield {
            "server": server,
            "attachment": attachment,
            "store_fname": att["store_fname"],
            "content": content,
        }
    finally:
        if attachment:
            server.admin("ir.attachment", "unlink", [attachment])
        server.stop()


def test_backup_then_restore_into_a_new_database(odoo_env, source):
    src_db = odoo_env["live_db"]
    suffix = uuid.uuid4().hex[:8]
    restored, neutralized = f"b2b_restored_{suffix}", f"b2b_restored_n_{suffix}"
    store = Path(odoo_env["data_dir"]) / "filestore"
    # the attachment is a file of the source's filestore, not a database row
    assert source["store_fname"]
    stored = store / src_db / source["store_fname"]
    assert stored.read_bytes() == source["content"]
    tiers = source["server"].admin("b2b.dealer.tier", "search_count", [])

    with tempfile.TemporaryDirectory(prefix="b2b-backup-") as tmp:
        archive = Path(tmp) / "nested" / f"{src_db}.zip"
        try:
            # -- backup, while the source server runs ------------------------
            res = _script(odoo_env, "backup.sh", src_db, str(archive))
            assert res.returncode == 0, res.stderr[-2000:]
            assert res.stdout.strip() == str(archive)
            assert oct(archive.stat().st_mode & 0o777) == "0o600"
            with zipfile.ZipFile(archive) as z:
                names = set(z.namelist())
                manifest = json.loads(z.read("manifest.json"))
                assert "dump.sql" in names
                assert z.read(f"filestore/{source['store_fname']}") == source["content"]
                assert b"CREATE TABLE public.b2b_dealer_tier" in z.read("dump.sql")
            assert manifest["db_name"] == src_db
            assert manifest["major_version"] == "18.0"
            assert manifest["modules"]["b2b_suite"].startswith("18.0.")
            assert "b2b_api" in manifest["modules"]

            # -- restore into a new database --------------------------------
            res = _script(odoo_env, "restore.sh", str(archive), restored)
            assert res.returncode == 0, res.stderr[-2000:]
            assert (store / restored / source["store_fname"]).read_bytes() == source[
                "content"
            ]
            # nothing is overwritten
            res = _script(odoo_env, "restore.sh", str(archive), restored)
            assert res.returncode != 0
            assert f"Database {restored} already exists" in res.stderr
            # nothing neutralised by default; --neutralize does
            assert (
                _psql(
                    restored,
                    "SELECT count(*) FROM ir_config_parameter "
                    "WHERE key = 'database.is_neutralized'",
                )
                == "0"
            )
            res = _script(
                odoo_env, "restore.sh", "--neutralize", str(archive), neutralized
            )
            assert res.returncode == 0, res.stderr[-2000:]
            assert (
                _psql(
                    neutralized,
                    "SELECT value FROM ir_config_parameter "
                    "WHERE key = 'database.is_neutralized'",
                )
                == "true"
            )

            # -- smoke test: Odoo serves the restored database ---------------
            server = LiveServer(odoo_env, restored, workers=2).start()
            try:
                health = requests.get(f"{server.url}/web/health", timeout=10)
                assert health.json() == {"status": "pass"}
                uid = server.jsonrpc("common", "login", restored, "admin", "admin")
                assert uid == 2
                assert (
                    server.jsonrpc_execute(
                        "admin", "admin", "b2b.dealer.tier", "search_count", []
                    )
                    == tiers
                )
                [att] = server.jsonrpc_execute(
                    "admin",
                    "admin",
                    "ir.attachment",
                    "read",
                    [source["attachment"]],
                    ["datas", "name", "store_fname"],
                )
                assert att["name"] == "backup-check.bin"
                assert att["store_fname"] == source["store_fname"]
                assert base64.b64decode(att["datas"]) == source["content"]
            finally:
                server.stop()
        finally:
            drop_db(odoo_env, restored)
            drop_db(odoo_env, neutralized)
