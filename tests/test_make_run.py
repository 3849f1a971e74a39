"""`make run` on a machine where the demo database does not exist yet.

Runs the real scripts/run.sh (the command behind `make run`) on a fresh
database name and port, waits until Odoo answers, then checks what the README
promises: the demo logins are printed, the demo dealers and tiers show in the
backend, and a demo dealer user can log into /my. Running it a second time
must reuse the database (idempotent).

It runs on a machine that looks fresh to the scripts: the build headers of
python-ldap and wkhtmltopdf are made to look missing (shims of dpkg-query and
apt-get), and `make run` must install them itself.
"""

import os
import re
import signal
import socket
import subprocess
import time
import uuid

import pytest
import requests

from tests.conftest import ROOT, drop_db, fake_missing_packages


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(env, logfile):
    return subprocess.Popen(
        ["bash", str(ROOT / "scripts" / "run.sh")],
        cwd=str(ROOT),
        env=env,
        stdout=logfile,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _wait(proc, url, logpath, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"make run exited early:\n{open(logpath).read()[-4000:]}")
        try:
            if requests.get(f"{url}/web/health", timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    pytest.fail(f"make run did not serve {url} in {timeout}s")


def _stop(proc):
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def _login(url, db, login, password):
    session = requests.Session()
    page = session.get(f"{url}/web/login", timeout=30)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    resp = session.post(
        f"{url}/web/login",
        data={"login": login, "password": password, "csrf_token": token, "db": db},
        timeout=60,
    )
    assert resp.ok
    return session


#: what a fresh Debian machine lacks and `make run` needs
FRESH_MACHINE_MISSING = [
    "libldap2-dev",
    "libsasl2-dev",
    "wkhtmltopdf",
    "fonts-noto-cjk",
]


@pytest.fixture
def run_env(odoo_env, tmp_path):
    db = f"b2b_run_{uuid.uuid4().hex[:8]}"
    port = _free_port()
    bin_dir = tmp_path / "bin"
    fake_missing_packages(bin_dir, FRESH_MACHINE_MISSING, tmp_path / "apt.log")
    env = dict(
        os.environ,
        PATH=f"{bin_dir}:{os.environ['PATH']}",
        B2B_DB=db,
        B2B_PORT=str(port),
        B2B_HOME=str(tmp_path / "home"),
        PYTHON=odoo_env["python"],
    )
    yield env, db, f"http://127.0.0.1:{port}"
    drop_db(dict(odoo_env, data_dir=str(tmp_path / "home" / "data")), db)


def test_make_run_serves_demo(run_env, tmp_path):
    env, db, url = run_env
    logpath = tmp_path / "run.log"
    with open(logpath, "w") as log:
        proc = _start(env, log)
        try:
            _wait(proc, url, logpath, timeout=900)
            output = logpath.read_text()
            assert url in output
            # the scripts installed what the machine lacked, before anything else
            apt = (tmp_path / "apt.log").read_text().splitlines()
            assert apt[1].split()[5:] == FRESH_MACHINE_MISSING, apt
            for login in ("admin", "dealer_a_purchaser", "dealer_a_approver"):
                assert login in output, f"{login} not printed by make run"

            # backend: the demo dealers and tiers are there
            admin = _login(url, db, "admin", "admin")
            resp = admin.post(
                f"{url}/web/dataset/call_kw/res.partner/search_read",
                json={
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": "res.partner",
                        "method": "search_read",
                        "args": [
                            [("b2b_is_dealer", "=", True), ("is_company", "=", True)]
                        ],
                        "kwargs": {"fields": ["name", "b2b_state", "b2b_tier_id"]},
                    },
                },
                timeout=60,
            ).json()
            dealers = resp["result"]
            assert len(dealers) >= 6
            assert len({d["b2b_state"] for d in dealers}) >= 4
            assert all(
                d["b2b_tier_id"] for d in dealers if d["b2b_state"] == "approved"
            )

            # PDFs fetch their style sheets from the server that runs: the
            # demo's statement snapshots, frozen by the monthly job that the
            # demo triggers once, are rendered with them
            def call(model, method, args, kwargs=None):
                return admin.post(
                    f"{url}/web/dataset/call_kw/{model}/{method}",
                    json={
                        "jsonrpc": "2.0",
                        "method": "call",
                        "params": {
                            "model": model,
                            "method": method,
                            "args": args,
                            "kwargs": kwargs or {},
                        },
                    },
                    timeout=60,
                ).json()["result"]

            assert call("ir.config_parameter", "get_param", ["report.url"]) == url
            deadline = time.time() + 180
            while time.time() < deadline:
                snapshots = call("b2b.statement.snapshot", "search_count", [[]])
                if snapshots:
                    break
                time.sleep(5)
            assert snapshots, "the demo's statement snapshots were not frozen"
            assets = [
                line
                for line in logpath.read_text().splitlines()
                if '"GET /web/assets/' in line and "report_assets" in line
            ]
            assert assets, "no PDF fetched its style sheets"
            assert all('" 200 ' in line for line in assets), assets[:3]

            # portal: a demo dealer user logs into /my
            portal = _login(url, db, "dealer_a_purchaser", "dealer_a_purchaser")
            page = portal.get(f"{url}/my", timeout=60)
            assert page.status_code == 200
            assert "/web/login" not in page.url
            assert "o_portal" in page.text
        finally:
            _stop(proc)

    # second run: idempotent, reuses the database
    logpath2 = tmp_path / "run2.log"
    with open(logpath2, "w") as log:
        proc = _start(env, log)
        try:
            _wait(proc, url, logpath2, timeout=300)
            assert "Creating demo database" not in logpath2.read_text()
            # still "missing" for the shims: asked again, installed again
            assert "Installing Debian packages" in logpath2.read_text()
        finally:
            _stop(proc)
